package fwsh.shell

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Every kind of result through --format json (and csv): stdout must be data a program parses — jq reads a
 * stream of JSON documents, so each stdout line here must parse — with the lines meant for people on stderr.
 */
class JsonResultsSpec extends Specification {
    @TempDir
    Path dir

    Map fwsh(List<String> argv) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int status = Main.run((['--emulate', '--journal', dir.resolve('journal.jsonl').toString()] + argv) as String[],
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'))
        [status: status, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** The one JSON document -e printed (the last stdout line; earlier lines are streamed records, each parsed too). */
    Object json(String code, List<String> options = []) {
        def r = fwsh(options + ['--format', 'json', '-e', code])
        assert r.status == 0: r.err
        def lines = r.out.readLines()
        assert lines: "no output; stderr: $r.err"
        def docs = lines.collect { new JsonSlurper().parseText(it) }   // every line is JSON
        docs.last()
    }

    def "counter lists are arrays of counter objects"() {
        when:
        def list = json("dev.counters.list('crc')")

        then:
        list instanceof List && list.size() >= 2
        list.every { it.name && it.group && it.unit != null && it.kind in ['counter', 'gauge'] && it.widthBits > 0 }
        list*.name.contains('rx_crc_errors_phy')
    }

    def "a Delta is an object with its interval and every counter's change"() {
        when:
        def d = json('def a = dev.counters.snapshot(); def b = dev.counters.snapshot(); a.delta(b)')

        then:
        d.elapsedNanos > 0
        d.clock in ['device', 'host']
        d.counters.size() > 100
        d.counters.every { it.name && it.delta instanceof Number && it.cleared instanceof Boolean }
        d.changed == d.counters.count { it.delta != 0 || it.cleared }
    }

    def "a SampleSeries carries its stats and its samples; its rates are rows too"() {
        when:
        def s = json("dev.counters.sample(['rx_packets_phy', 'temperature'], every: 10.ms, for: 200.ms)")
        def r = json("dev.counters.sample(['rx_packets_phy'], every: 10.ms, for: 100.ms).rates()")

        then:
        s.counters*.name == ['rx_packets_phy', 'temperature']
        s.stats.taken == s.size
        s.stats.takenPercent > 0
        s.samples.size() == s.size
        s.samples.every { it.tNanos instanceof Number && it.rx_packets_phy instanceof Number }
        s.meanRates.containsKey('rx_packets_phy')
        r.units.rx_packets_phy == 'packets/s'
        r.rates.every { it.t instanceof Number && it.containsKey('rx_packets_phy') }
    }

    def "top and rates: rows of changes, a map of rates"() {
        expect:
        json('dev.counters.top(3, over: 100.ms)').every { it.name && it.delta != null && it.containsKey('perSecond') }
        json("dev.counters.rates(['rx_bytes_phy'], over: 100.ms)").rx_bytes_phy > 0
    }

    def "a Watch is an object with its breaches; the breach lines go to stderr"() {
        when:
        def r = fwsh(['--format', 'json', '-e', "dev.counters.watch('temperature > 1', every: 50.ms, for: 300.ms)"])
        def w = new JsonSlurper().parseText(r.out)

        then:
        w.rules == ['temperature > 1']
        w.samples > 0
        w.breaches.size() >= 1
        w.breaches.every { it.counter == 'temperature' && it.observed > 1 && it.time }
        w.exitStatus == 3
        r.err.readLines().any { it.startsWith('BREACH ') }
        !r.out.contains('BREACH')
    }

    def "a tail streams its records as JSON lines and ends with its summary as JSON; the summary line goes to stderr"() {
        when:
        def r = fwsh(['--format', 'json', '-e', 'dev.tracer.tail(for: 300.ms)'])
        def docs = r.out.readLines().collect { new JsonSlurper().parseText(it) }

        then:
        r.status == 0
        docs.last().events >= 0 && docs.last().ended == 'for'
        docs.size() - 1 == docs.last().shown
        r.err.readLines().any { it.startsWith('trace: ') }
    }

    def "journal entries, register values, capabilities, devices, snapshots, and maps and lists of them"() {
        when:
        def entries = json("withScope('configuration') { dev.reg.PMTU.modify(local_port: 1) { admin_mtu = 4000 } }; journal.last(1)",
                ['--scope', 'configuration'])
        def mixed = json("[paos: dev.reg.PAOS.read(local_port: 1), caps: [dev.cap.general], devs: devices, snap: dev.counters.snapshot()]")

        then:
        entries.size() == 1 && entries[0].register == 'PMTU'
        mixed.paos.local_port == 1
        mixed.caps[0].log_max_qp instanceof Number
        mixed.devs[0].name.startsWith('emu')
        mixed.snap.rx_packets_phy instanceof Number
    }

    def "CSV: a counter list, a delta and a watch are rows with a header"() {
        when:
        def list = fwsh(['--format', 'csv', '-e', "dev.counters.list('crc')"]).out.readLines()
        def delta = fwsh(['--format', 'csv', '-e', 'def a = dev.counters.snapshot(); a.delta(dev.counters.snapshot())']).out.readLines()
        def watch = fwsh(['--format', 'csv', '-e', "dev.counters.watch('temperature > 1', every: 50.ms, for: 200.ms)"])

        then:
        list[0] == 'name,group,unit,kind,widthBits,description'
        list.size() >= 3
        delta[0] == 'name,group,unit,delta,perSecond,cleared,wrapped'
        delta.size() > 100
        watch.out.readLines()[0] == 'time,tNanos,rule,counter,metric,op,threshold,observed,unit'
        watch.err.contains('BREACH ')
    }
}
