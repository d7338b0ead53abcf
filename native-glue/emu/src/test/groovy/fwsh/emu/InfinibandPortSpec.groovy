package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

/** The cx7ib profile: a ConnectX-7 whose port runs InfiniBand (NDR 4x). */
class InfinibandPortSpec extends Specification {
    static final int CS = 0x08                  // PPCNT counter_set
    static final Map P1 = [[0, 23, 16]: 1L]
    static final Map IB = [[0, 2, 0]: 1L]
    static final Map ETH = [[0, 2, 0]: 4L]
    static final int RX = TrafficModel.RX
    static final int TX = TrafficModel.TX

    def clock = EmuClock.virtual()
    EmulatedDevice dev = Emulator.create('cx7ib', Transport.MLX5CTL, clock, 5)

    byte[] ppcnt(EmulatedDevice d = dev, int grp, boolean clr = false) {
        read(d, 0x5008, 0x100, [[0, 23, 16]: 1L, [0, 5, 0]: (long) grp, [4, 31, 31]: clr ? 1L : 0L])
    }

    long c64(byte[] o, int off) { ru64(o, CS + off) }

    long c(byte[] o, int off, int msb, int lsb) { rget(o, CS + off, msb, lsb) }

    TrafficModel.Totals model(EmulatedDevice d = dev) { d.traffic(1).at(d.megabitSeconds(1)) }

    def "the profile is a ConnectX-7 with port.protocol ib and cap port_type 0"() {
        expect:
        Emulator.profiles().contains('cx7ib')
        dev.profile().displayName() == 'ConnectX-7 (InfiniBand)'
        dev.profile().str('port.protocol') == 'ib'
        dev.profile().num('cap.general.port_type') == 0
        dev.profile().num('pci.deviceId') == 0x1021
        Emulator.profile('cx7').str('port.protocol', 'eth') == 'eth'
    }

    def "PTYS with proto_mask ib: IB capability, admin and oper NDR 4x at 400 Gb/s; Ethernet fields 0"() {
        when:
        def r = read(dev, 0x5004, 0x40, P1 + IB)

        then:
        status(r) == 0
        rget(r, 0x10, 15, 0) == 0xf5            // ib_proto_capability: SDR QDR FDR EDR HDR NDR
        rget(r, 0x10, 31, 16) == 0x7            // ib_link_width_capability: 1x 2x 4x
        rget(r, 0x1c, 15, 0) == 0xf5
        rget(r, 0x1c, 31, 16) == 0x7
        rget(r, 0x28, 15, 0) == 1 << 7          // ib_proto_oper: NDR
        rget(r, 0x28, 31, 16) == 1 << 2         // ib_link_width_oper: 4x
        rget(r, 0x04, 15, 0) == 4000            // 400 Gb/s in 100 Mb/s units
        rget(r, 0x04, 31, 28) == 1
        [0x08, 0x0c, 0x14, 0x18, 0x20, 0x24, 0x30].every { ru32(r, it) == 0 }
        dev.megabitSeconds(1) == 0

        when: "one second of virtual time at 400 Gb/s"
        clock.advance(Duration.ofSeconds(1))

        then:
        dev.megabitSeconds(1) == 400_000
    }

    def "PTYS with proto_mask eth on the IB port answers zeros; an Ethernet write or a mask without ib or eth is BAD_PARAM"() {
        when:
        def r = read(dev, 0x5004, 0x40, P1 + ETH)

        then:
        status(r) == 0
        (0x04..<0x34).step(4).every { ru32(r, it) == 0 }

        expect:
        status(write(dev, 0x5004, 0x40, P1 + ETH + [[0x14, 31, 0]: 1L << 16])) == FwStatus.BAD_PARAM
        status(read(dev, 0x5004, 0x40, P1 + [[0, 2, 0]: 2L])) == FwStatus.BAD_PARAM
        status(read(Emulator.create('cx7', Transport.MLX5CTL, clock, 5), 0x5004, 0x40, P1 + IB)) == FwStatus.BAD_PARAM
    }

    def "writing ib_proto_admin HDR at 2x retrains the link to HDR 2x (100 Gb/s); modes outside the capability and empty masks are refused"() {
        when:
        def w = write(dev, 0x5004, 0x40, P1 + IB + [[0x1c, 15, 0]: 1L << 6 | 1L << 5, [0x1c, 31, 16]: 0x3L])
        def r = read(dev, 0x5004, 0x40, P1 + IB)
        clock.advance(Duration.ofSeconds(1))

        then:
        status(w) == 0
        rget(r, 0x28, 15, 0) == 1 << 6
        rget(r, 0x28, 31, 16) == 1 << 1
        rget(r, 0x04, 15, 0) == 1000
        dev.megabitSeconds(1) == 100_000

        expect:
        status(write(dev, 0x5004, 0x40, P1 + IB + [[0x1c, 15, 0]: 1L << 8, [0x1c, 31, 16]: 0x4L])) == FwStatus.BAD_PARAM   // XDR: not in capability
        status(write(dev, 0x5004, 0x40, P1 + IB + [[0x1c, 15, 0]: 1L << 7, [0x1c, 31, 16]: 0x8L])) == FwStatus.BAD_PARAM   // 8x
        status(write(dev, 0x5004, 0x40, P1 + IB + [[0x1c, 15, 0]: 0L, [0x1c, 31, 16]: 0x4L])) == FwStatus.BAD_PARAM
    }

    def "PAOS admin down: no IB oper speed or width, no traffic; PMTU as on Ethernet"() {
        when:
        write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 2L, [4, 31, 31]: 1L])
        def r = read(dev, 0x5004, 0x40, P1 + IB)
        clock.advance(Duration.ofSeconds(1))
        def mtu = read(dev, 0x5003, 16, P1)

        then:
        rget(read(dev, 0x5006, 16, P1), 0, 3, 0) == 2
        rget(r, 0x28, 31, 0) == 0
        rget(r, 0x04, 15, 0) == 0
        dev.megabitSeconds(1) == 0
        rget(mtu, 4, 31, 16) == 4096
        rget(mtu, 8, 31, 16) == 4096
        status(write(dev, 0x5003, 16, P1 + [[8, 31, 16]: 2048L])) == 0
        rget(read(dev, 0x5003, 16, P1), 12, 31, 16) == 2048
    }

    def "PDDR operational page: proto_active InfiniBand and link_active the NDR bit"() {
        when:
        def op = read(dev, 0x5031, 0x100, P1)
        def eth = read(Emulator.create('cx7', Transport.MLX5CTL, clock, 5), 0x5031, 0x100, P1)

        then:
        rget(op, 0x08, 23, 20) == 1
        ru32(op, 0x08 + 0x14) == 1 << 7
        rget(op, 0x08 + 0x04, 31, 24) == 3
        rget(eth, 0x08, 23, 20) == 4
    }

    def "group 0x21 counts the traffic model's bytes and packets over virtual time; unicast + multicast = packets"() {
        given:
        clock.advance(Duration.ofSeconds(2))
        def a = ppcnt(0x21)
        def t = model()

        expect: "800000 megabit-seconds: 2 s at 400 Gb/s"
        dev.megabitSeconds(1) == 800_000
        status(a) == 0
        c64(a, 0x60) == t.totalOctets[TX]
        c64(a, 0x68) == t.totalOctets[RX]
        c64(a, 0x70) == t.totalFrames[TX]
        c64(a, 0x78) == t.totalFrames[RX]
        c64(a, 0x90) == t.unicast[TX]
        c64(a, 0x98) == t.multicast[TX] + t.broadcast[TX]
        c64(a, 0xa0) == t.unicast[RX]
        c64(a, 0xa8) == t.multicast[RX] + t.broadcast[RX]
        c64(a, 0x90) + c64(a, 0x98) == c64(a, 0x70)
        c64(a, 0xa0) + c64(a, 0xa8) == c64(a, 0x78)
        c64(a, 0x98) > 0
        (0..<0x60).every { a[DATA + CS + it] == 0 }             // reserved_at_0 stays zero

        and: "about 30% of 400 Gb/s received"
        Math.abs(c64(a, 0x68) / 2 - 400e9 / 8 * dev.traffic(1).lineRate(RX)) / c64(a, 0x68) < 0.01

        when:
        clock.advance(Duration.ofMillis(500))
        def b = ppcnt(0x21)

        then:
        c64(b, 0x68) - c64(a, 0x68) == model().totalOctets[RX] - t.totalOctets[RX]
        c64(b, 0x68) > c64(a, 0x68)
    }

    def "group 0x20: symbol errors, link downed from link-down events, rcv errors from FCS errors, xmit discards; fields saturate"() {
        given:
        def d = Emulator.builder('cx7ib').personality(Transport.MLX5CTL).clock(clock).seed(9)
                .set('traffic.symbolErrorRate', '1e-10').set('traffic.fcsErrorRate', '1e-5').set('traffic.xmitDiscardRate', '1e-6').build()
        clock.advance(Duration.ofSeconds(1))
        write(d, 0x5006, 16, P1 + [[0, 11, 8]: 2L, [4, 31, 31]: 1L])
        write(d, 0x5006, 16, P1 + [[0, 11, 8]: 1L, [4, 31, 31]: 1L])
        clock.advance(Duration.ofSeconds(1))

        when:
        def a = ppcnt(d, 0x20)
        def t = model(d)

        then:
        status(a) == 0
        t.symbolErrors == 80                                  // 8e11 bits at 1e-10
        c(a, 0x00, 31, 16) == t.symbolErrors                  // symbol_error_counter
        c(a, 0x00, 15, 8) == 0                                // link_error_recovery_counter
        c(a, 0x00, 7, 0) == 1                                 // link_downed_counter
        c(a, 0x04, 31, 16) == t.fcsErrors                     // port_rcv_errors
        t.fcsErrors > 0
        c(a, 0x08, 15, 0) == t.xmitDiscards                   // port_xmit_discards
        t.xmitDiscards > 0
        c64(ppcnt(d, 0x12), 0x08) == t.symbolErrors           // the same as the PHY group's symbol_errors

        when: "FCS errors beyond 16 bits"
        def busy = Emulator.builder('cx7ib').personality(Transport.MLX5CTL).clock(clock).set('traffic.fcsErrorRate', '0.01').build()
        clock.advance(Duration.ofSeconds(1))

        then:
        model(busy).fcsErrors > 0xffff
        c(ppcnt(busy, 0x20), 0x04, 31, 16) == 0xffff
    }

    def "Ethernet counter groups are BAD_PARAM on the IB port; the physical-layer groups answer; IB groups are refused on an Ethernet port"() {
        given:
        clock.advance(Duration.ofSeconds(1))
        def eth = Emulator.create('cx7', Transport.MLX5CTL, clock, 5)

        expect:
        [0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x10, 0x11, 0x13].every { status(ppcnt(it)) == FwStatus.BAD_PARAM }
        [0x12, 0x16, 0x1a, 0x23].every { status(ppcnt(it)) == 0 }
        c64(ppcnt(0x16), 0x08) == 400_000_000_000L           // phy_received_bits at 400 Gb/s for 1 s
        status(ppcnt(0x20)) == 0 && status(ppcnt(0x21)) == 0
        status(ppcnt(eth, 0x20)) == FwStatus.BAD_PARAM
        status(ppcnt(eth, 0x21)) == FwStatus.BAD_PARAM
        status(ppcnt(eth, 0x00)) == 0
    }

    def "clr on 0x20 and 0x21 answers the values before the clear and restarts from zero; grp 63 clears both"() {
        given:
        def d = Emulator.builder('cx7ib').personality(Transport.MLX5CTL).clock(clock).seed(3).set('traffic.fcsErrorRate', '1e-5').build()
        clock.advance(Duration.ofSeconds(1))

        when:
        def before = ppcnt(d, 0x21)
        def cleared = ppcnt(d, 0x21, true)
        def after = ppcnt(d, 0x21)
        def t1 = model(d)
        clock.advance(Duration.ofSeconds(1))
        def later = ppcnt(d, 0x21)

        then:
        c64(before, 0x68) > 0
        cleared[DATA + CS..DATA + CS + 247] == before[DATA + CS..DATA + CS + 247]
        (0..<248).every { after[DATA + CS + it] == 0 }
        c64(later, 0x68) == model(d).totalOctets[RX] - t1.totalOctets[RX]

        when:
        def e0 = ppcnt(d, 0x20)
        ppcnt(d, 0x20, true)
        def e1 = ppcnt(d, 0x20)

        then:
        c(e0, 0x04, 31, 16) > 0
        c(e1, 0x04, 31, 16) == 0

        when:
        clock.advance(Duration.ofSeconds(1))
        def all = write(d, 0x5008, 0x100, [[0, 23, 16]: 1L, [0, 5, 0]: 63L, [4, 31, 31]: 1L])

        then:
        status(all) == 0
        c64(ppcnt(d, 0x21), 0x78) == 0
        c(ppcnt(d, 0x20), 0x04, 31, 16) == 0
        c64(ppcnt(d, 0x16), 0x08) == 0
    }

    def "a profile with a bad port.protocol or no IB capability is refused with one line"() {
        when:
        Emulator.builder('cx7ib').set(key, value).build()

        then:
        def e = thrown(ProfileException)
        e.message.contains(text)

        where:
        key                          | value  | text
        'port.protocol'              | 'roce' | "port.protocol 'roce' must be eth or ib"
        'ptys.ibProtoCapability'     | '0'    | 'an ib port needs ptys.ibProtoCapability'
        'ptys.ibLinkWidthCapability' | '0x40' | 'an ib port needs ptys.ibProtoCapability'
    }
}
