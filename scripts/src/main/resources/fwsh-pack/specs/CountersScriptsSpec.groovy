import fwsh.counters.SampleSeries
import fwsh.counters.Watch

import java.nio.file.Path
import java.util.function.Consumer

/** Each counters script run on a virtual-clock emulator (attached to the session as `dev`), its output captured. */
class CountersScriptsSpec extends PackSpecification {
    @TempDir Path tmp
    Device dev

    /** Attaches a cx6dx (fwctl) on the virtual clock as `dev`; LOWER, when given, lowers the session's ceiling first. */
    void open(String lower = null, Map<String, String> profile = [:]) {
        if (lower != null) lowerCeiling(lower)
        // session warnings (kernel taint) go where the running script prints, as in fwsh
        session.setWarnings({ String l -> session.output().append("session: $l\n".toString()) } as Consumer)
        dev = useDevice(addDevice([clock: 'virtual', seed: 5] + profile, 'cx6dx:fwctl'))
        advance(Duration.ofSeconds(2))
    }

    /** What the emulator's traffic model has sent and received on port 1 so far. */
    Map<String, Long> model() {
        dev.emu.traffic(1)
    }

    def "snapshot.groovy prints the non-zero counters matching the words, with the model's values"() {
        given:
        open(null, ['traffic.fcsErrorRate': '1e-4'])

        when:
        def r = run('counters/snapshot.groovy', '--port', '1', 'crc', 'rx_packets_phy')
        def snap = r.result
        def lines = r.lines
        def t = model()

        then:
        lines[0] == "${dev.name} (${dev.source}) port 1: ${lines.size() - 2} of ${snap.defs().size()} counters non-zero".toString()
        lines[1].startsWith('name')
        lines.find { it.startsWith('rx_packets_phy ') }.split(/\s+/)[1] == t.rx_frames.toString()
        lines.find { it.startsWith('rx_crc_errors_phy ') }.split(/\s+/)[1] == t.fcs_errors.toString()
        lines.every { !it.matches(/\S+\s+0\s.*/) }                     // zeros are left out
        snap.value('rx_crc_errors_phy') == t.fcs_errors
        t.fcs_errors > 0

        when: "--all keeps the zeros"
        def all = run('counters/snapshot.groovy', '--all', 'rx_crc_errors_phy', 'a_alignment_errors').lines

        then:
        all[0] == "${dev.name} (${dev.source}) port 1: 2 of 2 counters".toString()
        all.find { it.startsWith('a_alignment_errors ') }.split(/\s+/)[1] == '0'

        when:
        def bad = run('counters/snapshot.groovy', '--prot', '1')

        then:
        bad.exitCode == 2
        bad.err == "counters/snapshot.groovy: unknown option '--prot'; try counters/snapshot.groovy --help\n"
    }

    def "rates.groovy prints the top-N changes and rates over a virtual interval"() {
        given:
        open()
        def t1 = model()

        when:
        def r = run('counters/rates.groovy', '--over', '2s', '--top', '5', 'rx_')
        def top = r.result
        def lines = r.lines
        def t2 = model()

        then:
        top.size() == 5
        lines[0] == "${dev.name} (${dev.source}) port 1: 5 counters changed most over 2.00 s".toString()
        lines.size() == 7
        def bytes = lines.find { it.startsWith('rx_bytes_phy ') }
        bytes.split(/\s+/)[1] == (t2.rx_octets - t1.rx_octets).toString()
        top.find { it.name() == 'rx_bytes_phy' }.perSecond() == (t2.rx_octets - t1.rx_octets) / 2d
    }

    def "watch.groovy prints one breach line per rule that starts to hold and returns the exit status"() {
        given:
        open(null, ['traffic.fcsErrorRate': '1e-3'])

        when:
        def r = run('counters/watch.groovy', '--every', '1s', '--for', '4s', "'rx_crc_errors_phy' rate > 0", '--rule', 'temperature > 300')
        def lines = r.lines

        then:
        r.result == Watch.BREACHED
        lines.count { it.startsWith('BREACH ') } == 1
        lines.find { it.startsWith('BREACH ') }.contains('rx_crc_errors_phy rate > 0: rate = ')
        lines.any { it.startsWith('watch: 2 rules, 4 samples, 1 breach') }

        when:
        def ok = run('counters/watch.groovy', '--every', '1s', '--for', '3s', 'temperature > 300')

        then:
        ok.result == Watch.OK
        !ok.lines.any { it.startsWith('BREACH') }

        when: "a bad rule is a bad argument: exit status 2, as the header says"
        def bad = run('counters/watch.groovy', '--for', '1s', 'rx_crc_errors_phy rate >> 0')

        then:
        bad.exitCode == 2
        bad.err.startsWith('counters/watch.groovy: watch rule "rx_crc_errors_phy rate >> 0"')
    }

    def "sample.groovy samples to CSV at the requested period and prints the schedule statistics"() {
        given:
        open()
        def csv = tmp.resolve('s.csv')

        when:
        def r = run('counters/sample.groovy', '--every', '1ms', '--for', '100ms', '--out', csv.toString(), 'rx_packets_phy')
        SampleSeries s = r.result
        def lines = r.lines
        def t = model()

        then:
        s.size() == 100
        s.values('rx_packets_phy')[99] == t.rx_frames
        csv.toFile().readLines().size() == 101
        lines[0] == "sampled rx_packets_phy on ${dev.name} (${dev.source}) port 1 every 1.00 ms".toString()
        lines[1] == 'samples: 100 of 100 requested (100.00%), 0 missed'
        lines[2] == 'achieved rate: 1000.0 Hz of 1000.0 Hz'
        lines[3] == 'interval error: p50 0 ns, p99 0 ns, max 0 ns'
        lines[4].startsWith('cpu: ')
        lines[5] == "written: $csv".toString()
    }

    def "diag.groovy refuses the set-up without --scope debug-write but prints the capability"() {
        given: "a ceiling of configuration (or lower, when fwsh test grants less)"
        open('configuration')

        when:
        def r = run('counters/diag.groovy', '--ids', '0x2006')
        def lines = r.lines

        then:
        r.result == []
        lines[0].startsWith('diagnostic counters: 13, log_max_samples 14')
        lines.any { it.contains('0x2006') && it.contains('diag_tx_pipe_packets') }
        lines.last().startsWith('counters/diag.groovy: setting up diagnostic counters sends SET_DIAGNOSTIC_PARAMS, which needs scope debug-write')
        !dev.emu.kernelTainted
    }

    @Requires({ PackSpecification.granted('debug-write') })
    def "diag.groovy with debug-write: taint warning first, then every sample at the device period, then disabled"() {
        given:
        open()

        when: "period 1 ms rounds up to 2^20 clocks at 1 GHz = 1.048576 ms; 10 ms holds 9 samples"
        def r = run('counters/diag.groovy', '--ids', '0x2006,0x1001', '--period', '1ms', '--samples', '8', '--for', '10ms')
        def samples = r.result
        def lines = r.lines
        def warn = lines.findIndexOf { it.startsWith('warning: SET_DIAGNOSTIC_PARAMS needs fwctl scope debug-write, which taints the kernel') }
        def started = lines.findIndexOf { it.startsWith('sampling ') }

        then:
        warn >= 0 && started > warn
        lines[started] == 'sampling 0x2006, 0x1001 every 1.05 ms (2^20 device clocks), repetitive'
        samples.size() == 18
        samples*.sampleId == (1..9).collectMany { [it, it] }
        (1..<9).every { samples[2 * it].deviceNanos() - samples[2 * it - 2].deviceNanos() == 1_048_576 }
        lines.contains('18 samples:')
        dev.emu.kernelTainted
        !dev.counters.diag.configured
    }
}
