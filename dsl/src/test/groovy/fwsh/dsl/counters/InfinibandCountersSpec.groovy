package fwsh.dsl.counters

import fwsh.channel.Scope
import fwsh.channel.Transport
import fwsh.dsl.Device
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

/** dev.counters on an InfiniBand port (the cx7ib profile): IB groups by their sysfs names, no Ethernet groups. */
class InfinibandCountersSpec extends Specification {
    static final int RX = TrafficModel.RX
    static final int TX = TrafficModel.TX

    @TempDir Path tmp
    VirtualClock clock = EmuClock.virtual()
    Session session
    EmulatedDevice emu
    Device dev

    def setup() {
        session = Session.open(new SessionOptions().noHardware().ceiling(Scope.CONFIGURATION).journal(tmp.resolve('journal.jsonl')))
        emu = Emulator.builder('cx7ib').personality(Transport.FWCTL).clock(clock).seed(4)
                .set('traffic.symbolErrorRate', '1e-10').set('traffic.fcsErrorRate', '1e-5').build()
        clock.advance(Duration.ofSeconds(2))
        dev = session.attach(emu)
        session.binding().setVariable('dev', dev)
    }

    def cleanup() {
        session?.close()
    }

    TrafficModel.Totals model() {
        emu.traffic(1).at(emu.megabitSeconds(1))
    }

    def "the IB groups appear under the kernel's sysfs counter names; the Ethernet groups are skipped"() {
        when:
        def names = dev.counters.list().names
        def skipped = dev.counters.skipped(1)

        then:
        names.containsAll(['symbol_error', 'link_error_recovery', 'link_downed', 'port_rcv_errors', 'port_rcv_remote_physical_errors',
                           'port_rcv_switch_relay_errors', 'port_xmit_discards', 'port_xmit_constraint_errors', 'port_rcv_constraint_errors',
                           'local_link_integrity_errors', 'excessive_buffer_overrun_errors', 'VL15_dropped', 'port_xmit_wait',
                           'port_xmit_data', 'port_rcv_data', 'port_xmit_packets', 'port_rcv_packets',
                           'unicast_xmit_packets', 'unicast_rcv_packets', 'multicast_xmit_packets', 'multicast_rcv_packets'])
        names.containsAll(['link_down_events_phy', 'rx_corrected_bits_phy', 'phy_received_bits'])      // the PHY groups stay
        !names.any { it in ['rx_packets_phy', 'rx_crc_errors_phy', 'rx_prio0_bytes', 'transmit_queue_tc0', 'dot3stats_fcs_errors'] }
        ['ieee_802_3', 'rfc_2863', 'rfc_2819', 'rfc_3635', 'ethernet_extended', 'ethernet_discard', 'per_priority', 'per_traffic_class',
         'per_traffic_class_congestion'].every { g -> skipped.any { it.startsWith("PPCNT $g:") && it.contains("BAD_PARAM") } }
        !skipped.any { it.startsWith('PPCNT infiniband_port') || it.startsWith('PPCNT infiniband_extended_port') }
        names.size() == names.toSet().size()
    }

    def "groups, units and descriptions of the IB counters"() {
        when:
        def defs = dev.counters.list('port_').defs + dev.counters.list('symbol_error').defs + dev.counters.list('link_downed').defs
        def byName = defs.collectEntries { [(it.name()): it] }

        then:
        byName.symbol_error.group() == 'PPCNT/infiniband_port'
        byName.symbol_error.unit() == 'events'
        byName.link_downed.unit() == 'events'
        byName.port_rcv_errors.unit() == 'packets'
        byName.port_xmit_wait.unit() == 'ticks'
        byName.port_xmit_data.group() == 'PPCNT/infiniband_extended_port'
        byName.port_xmit_data.unit() == 'bytes'
        byName.port_xmit_data.description().contains('4-byte words')
        byName.port_rcv_packets.description().contains('port_rcv_pkts')
        byName.symbol_error.widthBits() == 16
    }

    def "snapshots read what the traffic model says"() {
        when:
        def snap = dev.counters.snapshot(['symbol_error', 'port_rcv_errors', 'port_rcv_data', 'port_xmit_data', 'port_xmit_packets',
                                          'unicast_rcv_packets', 'multicast_rcv_packets', 'port_rcv_packets', 'link_downed'])
        def t = model()

        then:
        snap.value('symbol_error') == t.symbolErrors
        t.symbolErrors == 80
        snap.value('port_rcv_errors') == t.fcsErrors
        snap.value('port_rcv_data') == t.totalOctets[RX]
        snap.value('port_xmit_data') == t.totalOctets[TX]
        snap.value('port_xmit_packets') == t.totalFrames[TX]
        snap.value('unicast_rcv_packets') + snap.value('multicast_rcv_packets') == snap.value('port_rcv_packets')
        snap.value('port_rcv_packets') == t.totalFrames[RX]
        snap.value('link_downed') == 0
    }

    def "clear('infiniband_extended_port') restarts that group and leaves infiniband_port alone"() {
        given:
        def a = dev.counters.snapshot(['port_rcv_data', 'port_rcv_errors'])

        when:
        new ScriptRunner(session).run("withScope('configuration') { dev.counters.clear('infiniband_extended_port') }", 'spec.groovy', [])
        def b = dev.counters.snapshot(['port_rcv_data', 'port_rcv_errors'])

        then:
        a.value('port_rcv_data') > 0
        b.value('port_rcv_data') == 0
        b.value('port_rcv_errors') == a.value('port_rcv_errors')
        a.delta(b).cleared('port_rcv_data')
        !a.delta(b).cleared('port_rcv_errors')
    }
}
