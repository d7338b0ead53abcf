package fwsh.dsl.counters

import fwsh.base.FwshException
import fwsh.channel.Opcode
import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.counters.Watch
import fwsh.dsl.Device
import fwsh.dsl.RecordingChannel
import fwsh.dsl.ScriptRunner
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.dsl.engine.ScopeRefusedException
import fwsh.emu.EmuClock
import fwsh.emu.EmulatedDevice
import fwsh.emu.FwStatus
import fwsh.emu.Emulator
import fwsh.emu.TrafficModel
import fwsh.emu.VirtualClock
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

class DeviceCountersSpec extends Specification {
    static final int RX = TrafficModel.RX
    static final int TX = TrafficModel.TX

    @TempDir Path tmp
    VirtualClock clock = EmuClock.virtual()
    Session session
    EmulatedDevice emu
    Device dev
    List<String> warnings = []

    def setup() {
        open(Scope.CONFIGURATION)
    }

    def cleanup() {
        session?.close()
    }

    void open(Scope ceiling, Transport personality = Transport.FWCTL, Map<String, String> profile = [:]) {
        session?.close()
        session = Session.open(new SessionOptions().noHardware().ceiling(ceiling).journal(tmp.resolve('journal.jsonl')))
        session.setWarnings({ String l -> warnings << l } as java.util.function.Consumer)
        def b = Emulator.builder('cx6dx').personality(personality).clock(clock).seed(11)
        profile.each { k, v -> b.set(k, v) }
        emu = b.build()
        clock.advance(Duration.ofSeconds(3))   // some traffic before the first read
        dev = session.attach(emu)
        session.binding().setVariable('dev', dev)
    }

    TrafficModel.Totals model() {
        emu.traffic(1).at(emu.megabitSeconds(1))
    }

    Object run(String code) {
        new ScriptRunner(session).run(code, 'spec.groovy', [])
    }

    def "PPCNT counters carry their ethtool names and read what the traffic model says"() {
        when:
        def crc = dev.counters.list('crc')
        def snap = dev.counters.snapshot(['rx_crc_errors_phy', 'rx_packets_phy', 'rx_bytes_phy', 'tx_packets_phy',
                                          'rx_prio3_packets', 'rx_prio0_bytes', 'rx_discards_phy', 'rx_64_bytes_phy'])
        def t = model()

        then: "rx_crc_errors_phy is a_frame_check_sequence_errors of the IEEE 802.3 group"
        crc.names.contains('rx_crc_errors_phy')
        crc.defs.find { it.name() == 'rx_crc_errors_phy' }.description().contains('a_frame_check_sequence_errors')
        crc.defs.find { it.name() == 'rx_crc_errors_phy' }.group() == 'PPCNT/ieee_802_3'
        crc.toString().contains('description')
        snap.value('rx_crc_errors_phy') == t.fcsErrors
        snap.value('rx_packets_phy') == t.totalFrames[RX]
        snap.value('rx_bytes_phy') == t.totalOctets[RX]
        snap.value('tx_packets_phy') == t.totalFrames[TX]
        snap.value('rx_prio3_packets') == t.frames[RX][3]
        snap.value('rx_prio0_bytes') == t.octets[RX][0]
        snap.value('rx_discards_phy') == t.totalDiscards
        snap.value('rx_64_bytes_phy') == t.buckets[RX][0]
        t.frames[RX][3] > 0
    }

    def "every group of the port is listed; per-priority and per-TC groups are expanded; PRM names where no alias"() {
        when:
        def names = dev.counters.list().names

        then:
        (0..7).every { names.contains("rx_prio${it}_bytes".toString()) && names.contains("transmit_queue_tc${it}".toString()) }
        names.containsAll(['tx_pause_storm_warning_events', 'tx_pause_storm_warning_events_prio1', 'rx_pcs_symbol_err_phy',
                           'rx_corrected_bits_phy', 'phy_received_bits', 'dot3stats_fcs_errors', 'ingress_general',
                           'rx_vport_unicast_packets', 'rp_cnp_handled', 'temperature', 'temperature_mC', 'module_temperature'])
        names.size() == names.toSet().size()
        !names.any { it.startsWith('symbol_error_counter') }          // the InfiniBand group is refused on an Ethernet port
        dev.counters.skipped(1).any { it.startsWith('PPCNT infiniband_port') }
    }

    def "the RS-FEC histogram's bins are counters of their own; a device without one skips the group"() {
        when:
        def bins = dev.counters.list('rs_fec_hist')
        def snap = dev.counters.snapshot(['rs_fec_hist_bin0', 'rs_fec_hist_bin1', 'rs_fec_hist_bin2', 'rx_corrected_bits_phy'])
        def hist = dev.reg.PPCNT.read(local_port: 1, grp: 'rs_fec_histogram').counter_set.hist

        then:
        bins.names == (0..15).collect { "rs_fec_hist_bin$it".toString() }
        bins.defs.every { it.unit() == 'codewords' && it.group() == 'PPCNT/rs_fec_histogram' }
        snap.value('rs_fec_hist_bin1') == snap.value('rx_corrected_bits_phy')
        snap.value('rs_fec_hist_bin1') > 0
        snap.value('rs_fec_hist_bin0') > snap.value('rs_fec_hist_bin1')
        snap.value('rs_fec_hist_bin2') == 0
        hist.size() == 16 && hist[1] == snap.value('rs_fec_hist_bin1')

        when:
        open(Scope.CONFIGURATION, Transport.FWCTL, ['link.fecHistogram': 'none'])

        then:
        dev.counters.list('rs_fec_hist').names.isEmpty()
        dev.counters.skipped(1).any { it.startsWith('PPCNT rs_fec_histogram') }
    }

    def "a probe that fails for a reason that may pass is not remembered: the next use probes again and finds the group"() {
        when: "the first PPCNT read of each build (the IEEE 802.3 group's probe) answers RES_BUSY, twice; then the device answers"
        emu.faults().failRegister(0x5008, 1, FwStatus.RES_BUSY)
        def first = dev.counters.list().names
        emu.faults().failRegister(0x5008, 1, FwStatus.RES_BUSY)
        def skipped = dev.counters.skipped(1)
        def second = dev.counters.list().names

        then:
        !first.contains('rx_crc_errors_phy')
        skipped.any { it.startsWith('PPCNT ieee_802_3: ') && it.contains('RES_BUSY') && it.endsWith('(probed again on next use)') }
        second.contains('rx_crc_errors_phy')
        !dev.counters.skipped(1).any { it.startsWith('PPCNT ieee_802_3') }
    }

    def "a group the firmware refuses as a bad parameter is remembered as unsupported for the session"() {
        given:
        emu.faults().failRegister(0x5008, 1, FwStatus.BAD_PARAM)

        when:
        def first = dev.counters.list().names
        def second = dev.counters.list().names

        then:
        !first.contains('rx_crc_errors_phy')
        !second.contains('rx_crc_errors_phy')
        dev.counters.skipped(1).any { it.startsWith('PPCNT ieee_802_3: ') && it.contains('BAD_PARAM') && !it.contains('probed again') }
    }

    def "probing a port holds no lock: a second caller is not held up by a probe that waits on the device"() {
        given: "the first MTMP read waits until released"
        def release = new java.util.concurrent.CountDownLatch(1)
        def blocked = new java.util.concurrent.CountDownLatch(1)
        boolean[] once = [false]
        def tap = new fwsh.dsl.RecordingChannel(emu)
        tap.onSend = { rec ->
            boolean mtmp = rec.opcode == Opcode.ACCESS_REG && fwsh.wire.Bits.get(rec.input, 0, 80, 16) == 0x900a
            if (mtmp && !once[0]) { once[0] = true; blocked.countDown(); release.await() }
        }
        def d = session.attach(tap)
        def first = Thread.start { d.counters.source(1) }
        assert blocked.await(30, java.util.concurrent.TimeUnit.SECONDS)

        when:
        def second = Thread.start { d.counters.source(1) }
        second.join(30_000)

        then:
        !second.alive
        first.alive

        cleanup:
        release.countDown()
        first?.join(30_000)
    }

    def "PCIe counters come from MPCNT with their ethtool names, catalog units and descriptions; stalls are gauges"() {
        given:
        open(Scope.CONFIGURATION, Transport.FWCTL, ['pcie.rxErrorsPerHour': '3600', 'pcie.txErrorsPerHour': '1800'])

        when:
        def pci = dev.counters.list('pci')
        def before = dev.counters.snapshot(['rx_pci_signal_integrity', 'tx_pci_signal_integrity', 'crc_error_tlp'])
        clock.advance(Duration.ofSeconds(10))
        def after = dev.counters.snapshot(['rx_pci_signal_integrity', 'tx_pci_signal_integrity', 'crc_error_tlp'])

        then:
        pci.names.containsAll(['rx_pci_signal_integrity', 'tx_pci_signal_integrity', 'outbound_pci_buffer_overflow',
                               'outbound_pci_stalled_rd', 'outbound_pci_stalled_wr_events'])
        pci.defs.every { it.group() == 'MPCNT/pcie_performance' }
        pci.defs.find { it.name() == 'rx_pci_signal_integrity' }.unit() == 'events'
        pci.defs.find { it.name() == 'rx_pci_signal_integrity' }.description().startsWith('Transitions to recovery for framing and CRC')
        pci.defs.find { it.name() == 'outbound_pci_stalled_rd' }.unit() == '%'
        pci.defs.find { it.name() == 'outbound_pci_stalled_rd' }.kind().name() == 'GAUGE'
        pci.defs.find { it.name() == 'outbound_pci_buffer_overflow' }.kind().name() == 'COUNTER'
        after.value('rx_pci_signal_integrity') - before.value('rx_pci_signal_integrity') == 10
        after.value('tx_pci_signal_integrity') - before.value('tx_pci_signal_integrity') == 5
        after.value('crc_error_tlp') - before.value('crc_error_tlp') == 5
    }

    def "a snapshot reads each PPCNT group with one ACCESS_REG"() {
        given:
        def rec = new RecordingChannel(emu)
        def d = session.attach(rec)
        d.counters.list()
        rec.sent.clear()

        when:
        d.counters.snapshot(['rx_packets_phy', 'tx_packets_phy', 'rx_crc_errors_phy', 'rx_bytes_phy'])

        then:
        rec.sent*.opcode == [Opcode.ACCESS_REG]

        when:
        rec.sent.clear()
        d.counters.snapshot(['rx_packets_phy', 'rx_discards_phy', 'rx_prio3_bytes'])

        then: "three groups (802.3, RFC 2863, per-priority 3): three reads"
        rec.sent*.opcode == [Opcode.ACCESS_REG] * 3
    }

    def "deltas and rates over virtual time are exact"() {
        given:
        def names = ['rx_packets_phy', 'tx_bytes_phy', 'rx_prio3_bytes', 'temperature']

        when:
        def a = dev.counters.snapshot(names)
        def t1 = model()
        clock.advance(Duration.ofMillis(1500))
        def b = dev.counters.snapshot(names)
        def t2 = model()
        def d = dev.counters.delta(a, b)
        def r = d.rates()

        then:
        d.elapsedNanos() == 1_500_000_000L
        d.delta('rx_packets_phy') == t2.totalFrames[RX] - t1.totalFrames[RX]
        d.delta('tx_bytes_phy') == t2.totalOctets[TX] - t1.totalOctets[TX]
        d.delta('rx_prio3_bytes') == t2.octets[RX][3] - t1.octets[RX][3]
        d.delta('rx_packets_phy') > 0
        r.rate('rx_packets_phy') == (t2.totalFrames[RX] - t1.totalFrames[RX]) / 1.5d
        r.unit('tx_bytes_phy') == 'B/s'
        a.delta(b).delta('tx_bytes_phy') == d.delta('tx_bytes_phy')
    }

    def "rates(over:) waits on the device's clock and top(n) names the counters that moved most"() {
        when:
        def t1 = model()
        def bits1 = (long) Math.floor(emu.megabitSeconds(1) * 1e6)
        def rates = dev.counters.rates(['rx_packets_phy', 'rx_bytes_phy'], over: 2.s)
        def t2 = model()

        then:
        rates.elapsedNanos() == 2_000_000_000L
        rates.rate('rx_bytes_phy') == (t2.totalOctets[RX] - t1.totalOctets[RX]) / 2d

        when: "phy_received_bits moves by the link-speed integral × 10^6: the largest change of all"
        def m1 = emu.megabitSeconds(1)
        def top = dev.counters.top(3, over: 1.s)
        def m2 = emu.megabitSeconds(1)

        then:
        top.size() == 3
        top[0].name() == 'phy_received_bits'
        top[0].delta() == (long) Math.floor(m2 * 1e6) - (long) Math.floor(m1 * 1e6)
        top[0].delta() >= top[1].delta() && top[1].delta() >= top[2].delta()
        bits1 > 0
    }

    def "clear(group) sends PPCNT clr under the configuration scope and the next delta is flagged cleared"() {
        given:
        def a = dev.counters.snapshot(['rx_packets_phy', 'rx_discards_phy'])

        when: "without the scope"
        dev.counters.clear('ieee_802_3')

        then:
        def e = thrown(ScopeRefusedException)
        e.message.contains("withScope('configuration')")

        when:
        clock.advance(Duration.ofMillis(200))
        run("withScope('configuration') { dev.counters.clear('ieee_802_3') }")
        def atClear = model()
        clock.advance(Duration.ofMillis(300))
        def b = dev.counters.snapshot(['rx_packets_phy', 'rx_discards_phy'])
        def t = model()
        def d = a.delta(b)

        then:
        d.cleared('rx_packets_phy')
        d.delta('rx_packets_phy') == t.totalFrames[RX] - atClear.totalFrames[RX]
        b.value('rx_packets_phy') == t.totalFrames[RX] - atClear.totalFrames[RX]
        !d.cleared('rx_discards_phy')                                     // another group: untouched
        b.value('rx_discards_phy') == t.totalDiscards

        when:
        run("withScope('configuration') { dev.counters.clear('no_such_group') }")

        then:
        def e2 = thrown(FwshException)
        e2.message.startsWith("clear: no PPCNT group 'no_such_group' on port 1; groups: ieee_802_3,")
    }

    def "temperature: MTMP 0.125 °C units become whole °C and m°C gauges"() {
        when:
        def s = dev.counters.snapshot(['temperature', 'temperature_mC', 'module_temperature'])
        long eighths = (short) dev.reg.MTMP.read(sensor_index: 0).temperature
        long module = (short) dev.reg.MTMP.read(sensor_index: 64).temperature

        then:
        s.defs()*.isGauge() == [true, true, true]
        s.value('temperature') == Math.floorDiv(eighths, 8L)
        s.value('temperature_mC') == eighths * 125
        s.value('module_temperature') == Math.floorDiv(module, 8L)
        s.value('temperature') > 20
    }

    def "port: 2 reads the second port"() {
        when:
        def s = dev.counters.snapshot(['rx_packets_phy'], port: 2)
        def t = emu.traffic(2).at(emu.megabitSeconds(2))

        then:
        s.value('rx_packets_phy') == t.totalFrames[RX]
        s.labels() == [device: dev.name, port: '2']

        when:
        dev.counters.snapshot(['rx_packets_phy'], port: 0)

        then:
        def e = thrown(FwshException)
        e.message == 'port: 0 is not a local port number (1, 2, ...)'
    }

    def "unknown names and options get one clear line"() {
        when:
        dev.counters.snapshot(['rx_crc_error_phy'])

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message.contains('rx_crc_errors_phy')

        when:
        dev.counters.sample(['rx_packets_phy'], evry: 1.ms)

        then:
        def e2 = thrown(FwshException)
        e2.message.startsWith("sample: unknown option 'evry' (did you mean every?); options are port, every")
    }

    def "the sampler over the emulator stops on its duration, with samples exactly one period apart"() {
        given:
        def csv = tmp.resolve('rx.csv')

        when:
        def series = dev.counters.sample(['rx_packets_phy', 'rx_bytes_phy'], every: 1.ms, for: 50.ms, to: csv.toString())
        def t = model()

        then:
        series.size() == 50
        series.stats().taken() == 50
        series.stats().missed() == 0
        (1..<50).every { series.times()[it] - series.times()[it - 1] == 1_000_000L }
        series.values('rx_packets_phy')[49] == t.totalFrames[RX]
        (1..<50).every { series.values('rx_bytes_phy')[it] >= series.values('rx_bytes_phy')[it - 1] }
        csv.toFile().readLines().size() == 51
        csv.toFile().readLines()[0].contains('rx_packets_phy')
    }

    def "watch reports a breach of a CRC error rate and sets the exit status"() {
        given:
        open(Scope.DEBUG_READ_ONLY, Transport.FWCTL, ['traffic.fcsErrorRate': '1e-3'])
        def lines = []

        when:
        def w = dev.counters.watch("'rx_crc_errors_phy' rate > 0", 'temperature > 200', every: 1.s, for: 5.s, out: { lines << it })

        then:
        w.exitStatus() == Watch.BREACHED
        lines.size() == 1
        lines[0].startsWith('BREACH ')
        lines[0].contains("rx_crc_errors_phy rate > 0: rate = ")

        when:
        def quiet = dev.counters.watch('temperature > 200', every: 1.s, for: 3.s, out: { lines << it })

        then:
        quiet.exitStatus() == Watch.OK
        lines.size() == 1
    }

    def "in the REPL a watch redraws its table in the live view instead of scrolling, and clears it at the end"() {
        given:
        open(Scope.DEBUG_READ_ONLY, Transport.FWCTL, ['traffic.fcsErrorRate': '1e-3'])
        def frames = []
        session.setLiveView({ List<String> l -> frames << l } as java.util.function.Consumer)

        when:
        dev.counters.watch("'rx_crc_errors_phy' rate > 0", every: 1.s, for: 4.s, out: null)

        then: "one frame per sample (1 s apart > the 100 ms redraw limit), then an empty one"
        frames.size() == 5
        frames[0..3].every { f -> f.any { it.contains('rx_crc_errors_phy') } }
        frames[3].any { it.contains('!!') }
        frames[4] == []
    }

    def "prometheus text is fwsh serve's: ethtool names with the port's labels, the ASIC temperature as the device's"() {
        when:
        def text = dev.counters.prometheus([:], ['rx_crc_errors_phy', 'temperature', 'temperature_mC'])
        def om = dev.counters.prometheus([port: 2, format: 'openmetrics'], ['rx_crc_errors_phy'])
        def t = model()
        def pci = emu.info().pci()

        then: "a counter gets _total and the port labels; device RDMA name, PCI address, port, netdev"
        text.contains('# TYPE fwsh_port_rx_crc_errors_phy_total counter')
        text.contains("fwsh_port_rx_crc_errors_phy_total{device=\"mlx5_${emu.info().name()}\",netdev=\"${emu.info().name()}p0\",pci=\"$pci\",port=\"1\"} ${t.fcsErrors}.0")

        and: "the two temperature readings are one gauge in celsius, at the finer m°C resolution"
        text.contains('# TYPE fwsh_device_temperature_celsius gauge')
        text.readLines().count { it.startsWith('fwsh_device_temperature_celsius{') } == 1
        text.readLines().find { it.startsWith('fwsh_device_temperature_celsius{') } ==~ /.*\{device="mlx5_emu\d+",pci="[^"]+"\} \d+\.\d+/

        and: "OpenMetrics on request, for port 2"
        om.contains('# TYPE fwsh_port_rx_crc_errors_phy counter')
        om.contains('port="2"')
        om.endsWith('# EOF\n')
    }

    def "prometheus refuses an unknown format"() {
        when:
        dev.counters.prometheus([format: 'json'], null)

        then:
        def e = thrown(FwshException)
        e.message == "prometheus: format: 'json' is not text or openmetrics"
    }

    def "diagnostic counters: setup is refused without debug-write and nothing is sent"() {
        when:
        open(Scope.CONFIGURATION)
        run("withScope('debug-write') { dev.counters.diag.setup(ids: [0x2006]) }")

        then:
        def e = thrown(ScopeRefusedException)
        e.message.contains('--scope debug-write')
        !emu.kernelTainted()

        when: "inside the ceiling but outside withScope"
        open(Scope.DEBUG_WRITE)
        dev.counters.diag.setup(ids: [0x2006])

        then:
        def e2 = thrown(ScopeRefusedException)
        e2.message.contains("SET_DIAGNOSTIC_PARAMS needs scope 'debug-write'")
        !emu.kernelTainted()
    }

    def "diagnostic counters: the taint warning comes before the set-up, samples carry device timestamps at the period"() {
        given:
        open(Scope.DEBUG_WRITE)
        def taintedWhenWarned = null
        dev.counters.diag.warnings = { String l -> warnings << l; taintedWhenWarned = emu.kernelTainted() }

        when:
        def caps = dev.counters.diag.caps
        def r = run("withScope('debug-write') { dev.counters.diag.setup(ids: [0x2006, 0x401], period: 1.us, samples: 16) }")

        then:
        caps.supported
        caps.counters*.id.containsAll([0x401, 0x2006])
        dev.counters.diag.capsTable().contains('diag_tx_pipe_packets')
        warnings[0] == "warning: SET_DIAGNOSTIC_PARAMS needs fwctl scope debug-write, which taints the kernel " +
                "(TAINT_FWCTL, flag J) until reboot; sending it to ${dev.name}"
        taintedWhenWarned == false
        emu.kernelTainted()
        r.log_sample_period == 10                                         // 1 µs at 1 GHz rounds up to 2^10 clocks
        dev.counters.diag.period == Duration.ofNanos(1024)

        when: "10 µs of device time: floor(10000 / 1024) = 9 samples of both counters"
        clock.advance(Duration.ofNanos(10_000))
        def samples = dev.counters.diag.dump()

        then:
        samples.size() == 18
        samples*.counterId == [0x2006, 0x401] * 9
        samples*.sampleId == (1..9).collectMany { [it, it] }
        (1..<9).every { samples[2 * it].deviceNanos() - samples[2 * it - 2].deviceNanos() == 1024 }
        (1..<9).every { samples[2 * it].value() >= samples[2 * it - 2].value() }

        when: "the counters join dev.counters; a snapshot has the newest sample's device time"
        def s = dev.counters.snapshot(['diag_tx_pipe_packets', 'diag_pcie_back_pressure'])

        then:
        s.hasDeviceTime()
        s.deviceNanos() == samples[16].deviceNanos()
        s.value('diag_tx_pipe_packets') == samples[16].value()

        when: "the sampler defaults to the device period (at least 100 µs) and uses device time"
        def series = dev.counters.sample(['diag_tx_pipe_packets'], for: 1.ms)

        then:
        series.size() == 10
        series.hasDeviceTime()
        series.periodNanos() == 100_000
    }

    def "diagnostic counters on mlx5ctl: no taint warning; collect() gathers every sample once"() {
        given:
        open(Scope.DEBUG_WRITE, Transport.MLX5CTL)
        dev.counters.diag.warnings = { String l -> warnings << l }

        when:
        run("withScope('debug-write') { dev.counters.diag.setup(ids: [0x1001], log_sample_period: 20, samples: 4) }")
        def got = dev.counters.diag.collect(Duration.ofMillis(20))   // 2^20 ns ≈ 1.05 ms period, ring of 4

        then:
        warnings.isEmpty()
        got*.sampleId == (1..got.size()).toList()
        got.size() == (int) (20_000_000L / 1_048_576)       // samples taken since the set-up: 19
    }
}
