package fwsh.dsl.metrics

import fwsh.channel.Scope as Ceiling
import fwsh.channel.Transport
import fwsh.counters.CounterDef
import fwsh.dsl.Device
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmuClock
import fwsh.emu.Emulator
import io.prometheus.metrics.model.snapshots.Unit
import spock.lang.Specification

import java.time.Duration

/** How the catalog's counters are named for Prometheus: every counter of every group of the emulated ConnectX. */
class MetricNameSpec extends Specification {
    def clock = EmuClock.virtual()
    Session session
    Device dev

    def setup() {
        session = Session.open(new SessionOptions().noHardware().ceiling(Ceiling.DEBUG_READ_ONLY))
        def emu = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).clock(clock).build()
        clock.advance(Duration.ofSeconds(2))
        dev = session.attach(emu)
    }

    def cleanup() {
        session?.close()
    }

    List<CounterDef> allDefs() {
        dev.counters.source(1).sources().collectMany { it.counters() }
    }

    CounterDef def_(String name) {
        allDefs().find { it.name() == name } ?: { throw new AssertionError("no counter $name") }()
    }

    def "every counter's name is prefix + its ethtool/sysfs name + the base unit of its catalog unit, and valid in both formats"() {
        given:
        def defs = MetricName.exported(allDefs())

        expect: 'the catalog gives the emulated ConnectX some hundreds of counters'
        defs.size() > 200

        and:
        defs.each { CounterDef d ->
            def m = MetricName.of(d)
            assert m.name() ==~ /fwsh_(port|device)_[a-zA-Z0-9_]+/
            assert m.name().startsWith(Scope.of(d).prefix)
            assert m.name().contains(d.name().replaceAll(/_mC$/, '').replaceAll(/_total$/, ''))
            assert m.counter() == !d.isGauge()
            assert !m.name().endsWith('_total')          // the exposition adds it to counters
            if (m.unit() != null) assert m.name().endsWith('_' + m.unit())
            assert m.help().startsWith(d.description().isEmpty() ? d.name() : d.description())
            if (!d.unit().isEmpty()) assert m.help().contains(d.unit())
        }

        and: 'no two counters share a metric'
        defs.collect { MetricName.of(it).name() }.toSet().size() == defs.size()
    }

    def "units: time becomes seconds, temperature celsius, percent a ratio; counted things stay unit-less"() {
        when:
        def m = MetricName.of(def_(name))

        then:
        m.name() == metric
        m.unit() == unit
        m.value(raw) == value

        where:
        name                         | raw  || metric                                                  | unit         | value
        'rx_packets_phy'             | 7    || 'fwsh_port_rx_packets_phy'                              | null         | 7
        'rx_prio0_pause_duration'    | 1500 || 'fwsh_port_rx_prio0_pause_duration_seconds'            | Unit.SECONDS | 1500e-6
        'time_since_last_clear'      | 2500 || 'fwsh_port_time_since_last_clear_seconds'              | Unit.SECONDS | 2.5
        'temperature_mC'             | 6125 || 'fwsh_device_temperature_celsius'                      | Unit.CELSIUS | 6.125
        'outbound_pci_stalled_rd'    | 25   || 'fwsh_device_outbound_pci_stalled_rd_ratio'            | Unit.RATIO   | 0.25
        'rx_prio0_bytes'             | 9    || 'fwsh_port_rx_prio0_bytes'                              | Unit.BYTES   | 9
    }

    def "of two readings of one quantity the finer stays: temperature in m°C over whole °C"() {
        when:
        def kept = MetricName.exported([def_('temperature'), def_('temperature_mC')])

        then:
        kept*.name() == ['temperature_mC']
    }

    def "a 64-bit counter above 2^63 is exported unsigned, a gauge signed"() {
        expect:
        MetricName.of(def_('rx_packets_phy')).value(-1L) == 18446744073709551615d
        MetricName.of(def_('temperature_mC')).value(-500L) == -0.5d
    }

    def "text and OpenMetrics come from the Prometheus client's writers, with the port's labels"() {
        given:
        def snapshots = new MetricsBuilder().add(dev.counters.snapshot([port: 1], ['rx_packets_phy', 'temperature_mC']), dev.rawChannel().info(), 1)
                .info(dev.rawChannel().info(), '22.1.1', 'MT_1') .build()
        def i = dev.rawChannel().info()

        when:
        def text = Exposition.text(snapshots)
        def om = Exposition.openMetrics(snapshots)

        then:
        text.contains('# TYPE fwsh_port_rx_packets_phy_total counter')
        text.contains("fwsh_port_rx_packets_phy_total{device=\"${i.rdmaDevs()[0]}\",netdev=\"${i.netdevs()[0]}\",pci=\"${i.pci()}\",port=\"1\"}")
        text.contains("fwsh_device_info{device=\"${i.rdmaDevs()[0]}\",fw=\"22.1.1\",pci=\"${i.pci()}\",profile=\"cx6dx\",psid=\"MT_1\",transport=\"emulated/mlx5ctl\"} 1")
        om.contains('# TYPE fwsh_device_temperature_celsius gauge')
        om.contains('# UNIT fwsh_device_temperature_celsius celsius')
        om.contains('# TYPE fwsh_device info')
        om.endsWith('# EOF\n')
    }
}
