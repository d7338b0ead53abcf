package fwsh.dsl

import fwsh.base.FwshException
import fwsh.channel.DeviceGoneException
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/** session.attachEmulated and dev.emu: what a pack spec sets up on the emulator through the DSL alone. */
class EmulatorControlSpec extends Specification {
    @TempDir
    Path tmp
    @AutoCleanup
    Session session

    def setup() {
        session = Session.open(new SessionOptions().noHardware().journal(tmp.resolve('journal.jsonl')))
    }

    def "attachEmulated makes the device --emulate would, with profile settings, a seed and a virtual clock"() {
        when:
        def d = session.attachEmulated('cx7ib:fwctl', seed: 2, clock: 'virtual', 'traffic.fcsErrorRate': '1e-5')

        then:
        session.devices().size() == 2
        session.devices()[1].is(d)
        d.source.toString() == 'emulated cx7ib'
        d.info.personality == 'fwctl'
        session.attachEmulated('cx6dx').info.personality == 'mlx5ctl'      // as --emulate: mlx5ctl unless named

        when: "time stands still until advance, then the model has sent a second's worth"
        def before = d.emu.traffic(1)
        def still = d.emu.traffic(1)
        d.emu.advance(Duration.ofSeconds(1))
        def after = d.emu.traffic(1)

        then:
        before == still
        after.rx_frames > before.rx_frames
        after.fcs_errors > 0                                                 // the raised error rate took effect
        after.keySet() == ['rx_frames', 'tx_frames', 'rx_octets', 'tx_octets', 'fcs_errors', 'symbol_errors', 'xmit_discards'] as Set
    }

    def "traffic(port) is what the device's counters read"() {
        given:
        def d = session.attachEmulated('cx6dx', clock: 'virtual', seed: 5)
        d.emu.advance(Duration.ofSeconds(2))

        expect:
        d.reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3').counters.a_frames_received_ok == d.emu.traffic(1).rx_frames
    }

    def "advance on the host clock, a bad clock or seed, and two devices at once are one clear line"() {
        when:
        session.device(0).emu.advance(Duration.ofSeconds(1))
        then:
        def e = thrown(FwshException)
        e.message == "dev.emu.advance: ${session.device(0).name} runs on the host clock; attach it with session.attachEmulated(PROFILE, [clock: 'virtual']) to move its time by hand"

        when:
        session.attachEmulated('cx6dx', clock: 'wall')
        then:
        e = thrown(FwshException)
        e.message == "attachEmulated clock: 'wall'; use 'virtual' (moved by dev.emu.advance) or 'host'"

        when:
        session.attachEmulated('cx6dx', seed: 'x')
        then:
        e = thrown(FwshException)
        e.message == "attachEmulated seed: 'x' is not a whole number"

        when:
        session.attachEmulated('cx6dx,cx7')
        then:
        e = thrown(FwshException)
        e.message.startsWith('attachEmulated(')
        session.devices().size() == 1
    }

    def "openUmems counts registered umem; kernelTainted is false until a debug-write RPC"() {
        given:
        def d = session.device(0)

        expect:
        d.emu.openUmems == 0
        d.umem(4096) { d.emu.openUmems } == 1
        d.emu.openUmems == 0
        !d.emu.kernelTainted
    }

    def "remove makes RPCs fail with ENODEV; reinsert and rediscover bring the device back"() {
        given:
        def d = session.device(0)
        def name = d.name

        when:
        d.emu.remove()
        d.reg.MGIR.read()

        then:
        thrown(DeviceGoneException)

        when:
        session.detach(d)
        d.emu.reinsert()
        def back = session.rediscover()

        then:
        back*.name == [name]
        back[0].reg.MGIR.read() != null
    }
}
