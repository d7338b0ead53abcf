import fwsh.dsl.trace.TraceSummary
import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path

/** The trace scripts on an mlx5ctl emulator with a virtual clock, attached to the session as `dev`. */
class TraceScriptsSpec extends PackSpecification {
    static final String LINE = /\[0x[0-9a-f]+\] [01] \[0x[0-9a-f]+\] .*/

    @TempDir Path tmp
    Device d

    def setup() {
        d = useDevice(addDevice('cx6dx:mlx5ctl', clock: 'virtual', seed: 3))
    }

    def "live: tracepoint lines for --for of virtual time, then the summary"() {
        when:
        def r = run('trace/live.groovy', '--for', '500ms')
        TraceSummary sum = r.result
        def lines = r.lines

        then:
        sum.blocks() == 50
        sum.ended() == 'for'
        lines.size() == sum.shown() + 1
        lines.dropRight(1).every { it ==~ LINE }
        lines.last() == sum.toString()
        d.emu.openUmems == 0
    }

    def "live: --grep, --count and --json"() {
        when:
        def r = run('trace/live.groovy', '--grep', '^health: poll ok$', '--count', '3', '--json')
        TraceSummary sum = r.result
        def json = r.lines.take(3).collect { new JsonSlurper().parseText(it) }

        then:
        sum.shown() == 3 && sum.ended() == 'count'
        json*.msg == ['health: poll ok'] * 3
        json.every { it.event_id == 0xb0 }
        r.lines.size() == 4
    }

    def "live --out FILE writes the messages there and the summary to the console"() {
        given:
        def f = tmp.resolve('live.txt')

        when:
        def r = run('trace/live.groovy', '--for', '200ms', '--events', '0xb0-0xb2', '--out', f.toString())
        TraceSummary sum = r.result
        def written = Files.readAllLines(f)

        then:
        written.dropRight(1).every { it ==~ /\[0x[0-9a-f]+\] [01] \[0xb[012]\] .*/ }
        written.size() == sum.shown() + 1
        r.lines == ["messages written to $f".toString(), sum.toString()]
    }

    def "capture then decode (offline) prints the same messages; a truncated file decodes its prefix and names the offset"() {
        given:
        def f = tmp.resolve('fw.trc')

        when:
        def c = run('trace/capture.groovy', '--out', f.toString(), '--for', '1s', '--print')
        TraceSummary cap = c.result
        def live = c.lines.findAll { it ==~ LINE }
        def r = run('trace/decode.groovy', f.toString())
        TraceSummary dec = r.result
        def offline = r.lines.findAll { it ==~ LINE }

        then:
        live.size() > 50
        offline == live
        dec.messages() == cap.messages()
        dec.error() == null
        r.lines.last() == dec.toString()

        when:
        def cut = tmp.resolve('cut.trc')
        byte[] all = Files.readAllBytes(f)
        Files.write(cut, Arrays.copyOf(all, all.length - 100))
        def (b, berr) = withStderr { run('trace/decode.groovy', cut.toString()) }
        TraceSummary bad = b.result
        def prefix = b.lines.findAll { it ==~ LINE }

        then: "the damage is one line on stderr, the script exits 1, and what was intact is printed"
        bad.error() ==~ /.*cut\.trc: at byte offset \d+: truncated record: .*/
        berr == ["error: ${bad.error()}".toString()]
        b.exitCode == 1
        bad.damaged() && bad.damagedRecords() == 1
        !b.out.contains('error:')
        b.lines.last() == bad.toString()
        prefix == live.take(prefix.size())
        prefix.size() > 0
        r.exitCode == 0

        when: "a damaged block near the end (each block record is 280 bytes, the end record 36): the records after it are still decoded"
        def hole = tmp.resolve('hole.trc')
        byte[] flipped = all.clone()
        flipped[all.length - 36 - 3 * 280 - 100] ^= 0x10
        Files.write(hole, flipped)
        def (h, herr) = withStderr { run('trace/decode.groovy', hole.toString()) }
        TraceSummary holed = h.result
        def decoded = h.lines.findAll { it ==~ LINE }

        then:
        herr.size() == 1 && herr[0] ==~ /error: .*hole\.trc: at byte offset \d+: checksum mismatch: .*; skipped \d+ bytes to the next intact record at byte offset \d+/
        h.exitCode == 1
        holed.damagedRecords() == 1
        holed.ended() == 'end of file'
        decoded.size() > prefix.size()
        decoded.last() == live.last()
        live.containsAll(decoded)
    }

    /** Runs {@code body} with System.err captured; returns its result and the lines written to stderr. */
    static List withStderr(Closure body) {
        def buf = new ByteArrayOutputStream()
        def saved = System.err
        System.setErr(new PrintStream(buf, true, 'UTF-8'))
        try {
            [body(), buf.toString('UTF-8').readLines()]
        } finally {
            System.setErr(saved)
        }
    }

    def "capture: the file goes to --out, nothing printed but the totals"() {
        given:
        def f = tmp.resolve('quiet.trc')

        when:
        def r = run('trace/capture.groovy', '--out', f.toString(), '--for', '300ms')
        TraceSummary cap = r.result

        then:
        r.lines.size() == 2
        r.lines[0] ==~ /capture: 30 blocks, 0 overruns written to .*quiet\.trc/
        r.lines[1] == cap.toString()
        Files.size(f) > 30 * 256
    }

    def "bad arguments are one line naming them and --help, exit status 2; a missing file is an error"() {
        expect:
        run('trace/live.groovy', '--bogus').err == "trace/live.groovy: unknown option '--bogus'; try trace/live.groovy --help\n"
        run('trace/live.groovy', '--bogus').exitCode == 2
        run('trace/capture.groovy', '--for', '1s').err == 'trace/capture.groovy: --out FILE is needed; try trace/capture.groovy --help\n'
        run('trace/decode.groovy', []).err == 'trace/decode.groovy: which capture file? give FILE; try trace/decode.groovy --help\n'
        run('trace/decode.groovy', []).exitCode == 2

        when:
        run('trace/decode.groovy', tmp.resolve('none.trc').toString())
        then:
        def e4 = thrown(FwshException)
        e4.message == "cannot read capture ${tmp.resolve('none.trc')}: no such file".toString()
    }

    def "live on an fwctl device says the kernel has no umem; the emulator has no tracefs"() {
        given:
        def fw = addDevice('cx6dx:fwctl', clock: 'virtual')

        when:
        run('trace/live.groovy', '--device', fw.name, '--for', '1s')

        then:
        def e = thrown(FwshException)
        e.message.contains('is reached through fwctl: the mainline kernel has no umem')
        e.message.contains('but tracefs not available: the emulated device has no kernel driver')
    }
}
