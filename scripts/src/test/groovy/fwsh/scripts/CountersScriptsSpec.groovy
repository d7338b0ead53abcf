package fwsh.scripts

import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.counters.SampleSeries
import fwsh.counters.Watch
import fwsh.dsl.Device
import fwsh.dsl.FwshException
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import fwsh.emu.TrafficModel
import fwsh.emu.VirtualClock
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/** Each counters script run through ScriptRunner on a virtual-clock emulator, its stdout captured. */
class CountersScriptsSpec extends Specification {
    static final int RX = TrafficModel.RX

    @TempDir Path tmp
    VirtualClock clock = EmuClock.virtual()
    Session session
    EmulatedDevice emu
    Device dev
    StringWriter out = new StringWriter()

    def cleanup() {
        session?.close()
    }

    void open(Scope ceiling = Scope.DEBUG_READ_ONLY, Map<String, String> profile = [:]) {
        session = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(tmp.resolve('journal.jsonl')))
        session.setWarnings({ String l -> out.write("session: $l\n") } as java.util.function.Consumer)
        def b = Emulator.builder('cx6dx').personality(Transport.FWCTL).clock(clock).seed(5)
        profile.each { k, v -> b.set(k, v) }
        emu = b.build()
        clock.advance(Duration.ofSeconds(2))
        dev = session.attach(emu)
        session.binding().setVariable('dev', dev)
        session.binding().setVariable('out', new PrintWriter(out, true))
    }

    Object script(String name, List<String> args) {
        new ScriptRunner(session).run(getClass().getResource("/fwsh-pack/counters/$name").text, "counters/$name", args)
    }

    List<String> lines() {
        out.toString().readLines()
    }

    TrafficModel.Totals model() {
        emu.traffic(1).at(emu.megabitSeconds(1))
    }

    def "snapshot.groovy prints the non-zero counters matching the words, with the model's values"() {
        given:
        open(Scope.DEBUG_READ_ONLY, ['traffic.fcsErrorRate': '1e-4'])

        when:
        def snap = script('snapshot.groovy', ['--port', '1', 'crc', 'rx_packets_phy'])
        def t = model()

        then:
        lines()[0] == "${dev.name} port 1: ${lines().size() - 2} of ${snap.defs().size()} counters non-zero".toString()
        lines()[1].startsWith('name')
        lines().find { it.startsWith('rx_packets_phy ') }.split(/\s+/)[1] == t.totalFrames[RX].toString()
        lines().find { it.startsWith('rx_crc_errors_phy ') }.split(/\s+/)[1] == t.fcsErrors.toString()
        lines().every { !it.matches(/\S+\s+0\s.*/) }                     // zeros are left out
        snap.value('rx_crc_errors_phy') == t.fcsErrors
        t.fcsErrors > 0

        when: "--all keeps the zeros"
        out.buffer.setLength(0)
        script('snapshot.groovy', ['--all', 'rx_crc_errors_phy', 'a_alignment_errors'])

        then:
        lines()[0] == "${dev.name} port 1: 2 of 2 counters".toString()
        lines().find { it.startsWith('a_alignment_errors ') }.split(/\s+/)[1] == '0'

        when:
        script('snapshot.groovy', ['--prot', '1'])

        then:
        def e = thrown(FwshException)
        e.message == 'counters/snapshot.groovy: unknown option --prot; options: --port VALUE, --all'
    }

    def "rates.groovy prints the top-N changes and rates over a virtual interval"() {
        given:
        open()
        def t1 = model()

        when:
        def top = script('rates.groovy', ['--over', '2s', '--top', '5', 'rx_'])
        def t2 = model()

        then:
        top.size() == 5
        lines()[0] == "${dev.name} port 1: 5 counters changed most over 2.00 s".toString()
        lines().size() == 7
        def bytes = lines().find { it.startsWith('rx_bytes_phy ') }
        bytes.split(/\s+/)[1] == (t2.totalOctets[RX] - t1.totalOctets[RX]).toString()
        top.find { it.name() == 'rx_bytes_phy' }.perSecond() == (t2.totalOctets[RX] - t1.totalOctets[RX]) / 2d
    }

    def "watch.groovy prints one breach line per rule that starts to hold and returns the exit status"() {
        given:
        open(Scope.DEBUG_READ_ONLY, ['traffic.fcsErrorRate': '1e-3'])

        when:
        def status = script('watch.groovy', ['--every', '1s', '--for', '4s', "'rx_crc_errors_phy' rate > 0", '--rule', 'temperature > 300'])

        then:
        status == Watch.BREACHED
        lines().count { it.startsWith('BREACH ') } == 1
        lines().find { it.startsWith('BREACH ') }.contains('rx_crc_errors_phy rate > 0: rate = ')
        lines().any { it.startsWith('watch: 2 rules, 4 samples, 1 breach') }

        when:
        out.buffer.setLength(0)
        def ok = script('watch.groovy', ['--every', '1s', '--for', '3s', 'temperature > 300'])

        then:
        ok == Watch.OK
        !lines().any { it.startsWith('BREACH') }

        when:
        script('watch.groovy', ['--for', '1s', 'rx_crc_errors_phy rate >> 0'])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith('watch rule "rx_crc_errors_phy rate >> 0"')
    }

    def "sample.groovy samples to CSV at the requested period and prints the schedule statistics"() {
        given:
        open()
        def csv = tmp.resolve('s.csv')

        when:
        SampleSeries s = script('sample.groovy', ['--every', '1ms', '--for', '100ms', '--out', csv.toString(), 'rx_packets_phy'])
        def t = model()

        then:
        s.size() == 100
        s.values('rx_packets_phy')[99] == t.totalFrames[RX]
        csv.toFile().readLines().size() == 101
        lines()[0] == "sampled rx_packets_phy on ${dev.name} port 1 every 1.00 ms".toString()
        lines()[1] == 'samples: 100 of 100 requested (100.00%), 0 missed'
        lines()[2] == 'achieved rate: 1000.0 Hz of 1000.0 Hz'
        lines()[3] == 'interval error: p50 0 ns, p99 0 ns, max 0 ns'
        lines()[4].startsWith('cpu: ')
        lines()[5] == "written: $csv".toString()
    }

    def "diag.groovy refuses the set-up without --scope debug-write but prints the capability"() {
        given:
        open(Scope.CONFIGURATION)

        when:
        def r = script('diag.groovy', ['--ids', '0x2006'])

        then:
        r == []
        lines()[0].startsWith('diagnostic counters: 13, log_max_samples 14')
        lines().any { it.contains('0x2006') && it.contains('diag_tx_pipe_packets') }
        lines().last().startsWith('counters/diag.groovy: setting up diagnostic counters sends SET_DIAGNOSTIC_PARAMS, which needs scope debug-write')
        !emu.kernelTainted()
    }

    def "diag.groovy with debug-write: taint warning first, then every sample at the device period, then disabled"() {
        given:
        open(Scope.DEBUG_WRITE)

        when: "period 1 ms rounds up to 2^20 clocks at 1 GHz = 1.048576 ms; 10 ms holds 9 samples"
        def samples = script('diag.groovy', ['--ids', '0x2006,0x1001', '--period', '1ms', '--samples', '8', '--for', '10ms'])
        def warn = lines().findIndexOf { it.startsWith('warning: SET_DIAGNOSTIC_PARAMS needs fwctl scope debug-write, which taints the kernel') }
        def started = lines().findIndexOf { it.startsWith('sampling ') }

        then:
        warn >= 0 && started > warn
        lines()[started] == 'sampling 0x2006, 0x1001 every 1.05 ms (2^20 device clocks), repetitive'
        samples.size() == 18
        samples*.sampleId == (1..9).collectMany { [it, it] }
        (1..<9).every { samples[2 * it].deviceNanos() - samples[2 * it - 2].deviceNanos() == 1_048_576 }
        lines().contains('18 samples:')
        emu.kernelTainted()
        !dev.counters.diag.configured
    }
}
