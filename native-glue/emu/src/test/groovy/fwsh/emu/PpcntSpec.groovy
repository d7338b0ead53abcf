package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Duration

import static fwsh.emu.Mbox.*

class PpcntSpec extends Specification {
    static final int CS = 0x08   // counter_set inside the register
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 21)

    byte[] ppcnt(int grp, int prio = 0, boolean clr = false, int port = 1) {
        read(dev, 0x5008, 0x100, [[0, 23, 16]: (long) port, [0, 5, 0]: (long) grp, [4, 4, 0]: (long) prio, [4, 31, 31]: clr ? 1L : 0L])
    }

    long c(byte[] o, int off) { ru64(o, CS + off) }

    def "IEEE 802.3 counters advance by exactly what the traffic model gives for the elapsed time"() {
        given:
        def model = dev.traffic(1)
        def a = ppcnt(0x00)

        when:
        clock.advance(Duration.ofSeconds(1))
        def b = ppcnt(0x00)
        def t0 = model.at(0)
        def t1 = model.at(100_000)   // 100 Gb/s for 1 s

        then:
        status(b) == 0
        c(b, 0x00) - c(a, 0x00) == t1.totalFrames[1] - t0.totalFrames[1]
        c(b, 0x08) - c(a, 0x08) == t1.totalFrames[0]
        c(b, 0x20) == t1.totalOctets[1]
        c(b, 0x28) == t1.totalOctets[0]
        c(b, 0x10) == t1.fcsErrors

        and: "frameRate is the frame counters' growth per second at the port's link speed"
        Math.abs(dev.frameRate(1, TrafficModel.RX) - (t1.totalFrames[0] - t0.totalFrames[0])) <= 80   // one floor per atom (8 priorities x 10 sizes)
        dev.frameRate(1, TrafficModel.RX) == model.framesPerMegabitSecond(TrafficModel.RX) * 100_000

        and: "the rate matches the configured fraction of line rate"
        def bytesPerSec = 100e9 / 8 * model.lineRate(0)
        Math.abs(c(b, 0x28) - bytesPerSec) / bytesPerSec < 0.01
        model.lineRate(0) >= 0.27 && model.lineRate(0) < 0.33
    }

    def "per-priority, per-TC and size-bucket counters add up to the port totals"() {
        given:
        clock.advance(Duration.ofMillis(1234))
        def ieee = ppcnt(0x00)
        def r2863 = ppcnt(0x01)
        def r2819 = ppcnt(0x02)
        def ext = ppcnt(0x05)
        def prios = (0..7).collect { ppcnt(0x10, it) }
        def tcs = (0..7).collect { ppcnt(0x11, it) }
        def cong = (0..7).collect { ppcnt(0x13, it) }

        expect:
        prios.sum { c(it, 0x20) } == c(ieee, 0x08)      // rx_frames
        prios.sum { c(it, 0x48) } == c(ieee, 0x00)      // tx_frames
        prios.sum { c(it, 0x00) } == c(ieee, 0x28)      // rx_octets
        prios.sum { c(it, 0x28) } == c(ieee, 0x20)      // tx_octets
        prios.sum { c(it, 0x78) } == c(r2863, 0x10)     // rx_discards = if_in_discards
        tcs.sum { c(it, 0x08) } == c(r2863, 0x10)       // no_buffer_discard_uc
        cong.sum { c(it, 0x08) } == c(ext, 0x08)        // ecn_marked
        (0..9).sum { c(r2819, 0x58 + 8 * it) } == c(r2819, 0x10)
        (0..9).sum { c(ext, 0x50 + 8 * it) } == c(ieee, 0x00)
        c(r2863, 0x08) + c(r2863, 0x48) + c(r2863, 0x50) == c(ieee, 0x08)
        c(prios[3], 0x20) > 0 && c(prios[1], 0x20) == 0
        c(r2863, 0x10) > 0
    }

    @Unroll
    def "group 0x#grpHex is readable and clears with clr"() {
        given:
        clock.advance(Duration.ofSeconds(30))

        when:
        def before = ppcnt(grp, 0)
        def cleared = ppcnt(grp, 0, true)
        def after = ppcnt(grp, 0)

        then:
        status(before) == 0
        (0..<248).any { before[DATA + CS + it] != 0 }
        (0..<248).every { after[DATA + CS + it] == 0 }
        cleared[DATA + CS..DATA + CS + 247] == before[DATA + CS..DATA + CS + 247]

        where:
        grp << [0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x10, 0x11, 0x12, 0x13, 0x16, 0x23]
        grpHex = Integer.toHexString(grp)
    }

    def "group 0x1a (recovery) reads zero events and clr does not disturb other groups"() {
        given:
        clock.advance(Duration.ofSeconds(1))

        when:
        def rec = ppcnt(0x1a)
        ppcnt(0x12, 0, true)
        def ieee = ppcnt(0x00)

        then:
        status(rec) == 0
        ru32(rec, CS) == 0
        c(ieee, 0x00) > 0
    }

    def "physical layer counters: time since clear, bits, corrected bits split over lanes, link down events"() {
        given:
        clock.advance(Duration.ofSeconds(3))
        write(dev, 0x5006, 16, [[0, 23, 16]: 1L, [0, 11, 8]: 2L, [4, 31, 31]: 1L])
        write(dev, 0x5006, 16, [[0, 23, 16]: 1L, [0, 11, 8]: 1L, [4, 31, 31]: 1L])

        when:
        def phy = ppcnt(0x12)
        def stat = ppcnt(0x16)

        then:
        c(phy, 0x00) == 3000
        c(stat, 0x08) == 300_000_000_000L
        c(stat, 0x18) == 3000                                 // 1e-8 pre-FEC BER
        (0..3).sum { c(stat, 0x20 + 8 * it) } == c(stat, 0x18)
        ru32(phy, CS + 0xc0) == 1

        when:
        ppcnt(0x12, 0, true)
        clock.advance(Duration.ofMillis(500))

        then:
        c(ppcnt(0x12), 0x00) == 500
    }

    def "RS-FEC histogram: PPHCR gives one bin per symbol-error count up to the code's limit; grp 0x23 counts the physical layer's codewords"() {
        given:
        clock.advance(Duration.ofSeconds(2))

        when:
        def conf = read(dev, 0x503e, 0x50, [[0, 23, 16]: 1L])
        def hist = ppcnt(0x23)
        def phy = ppcnt(0x12)

        then: "RS(528,514), as the profile's active FEC: 8 bins, bin i holds exactly i symbol errors"
        status(conf) == 0
        rget(conf, 0x00, 31, 28) == 3
        rget(conf, 0x04, 23, 16) == 8
        (0..<8).every { rget(conf, 0x10 + 4 * it, 21, 16) == it && rget(conf, 0x10 + 4 * it, 5, 0) == it }
        rget(conf, 0x10 + 4 * 8, 31, 0) == 0

        and: "bin 0 = rs_fec_no_errors_blocks, bin 1 = rs_fec_single_error_blocks, nothing beyond"
        c(hist, 0x00) == c(phy, 0x88)
        c(hist, 0x08) == c(phy, 0x90)
        c(hist, 0x08) > 0
        (2..<16).every { c(hist, 8 * it) == 0 }
    }

    def "a device whose active FEC has no histogram answers PPHCR with none and refuses grp 0x23"() {
        given:
        def plain = Emulator.builder('cx6dx').set('link.fecHistogram', 'none').personality(Transport.MLX5CTL).clock(clock).seed(21).build()

        when:
        def conf = read(plain, 0x503e, 0x50, [[0, 23, 16]: 1L])
        def hist = read(plain, 0x5008, 0x100, [[0, 23, 16]: 1L, [0, 5, 0]: 0x23L])

        then:
        status(conf) == 0
        rget(conf, 0x00, 31, 28) == 0
        rget(conf, 0x04, 23, 16) == 0
        status(hist) == FwStatus.BAD_PARAM
    }

    def "grp 63 clears everything on a write with clr, and is refused on a read"() {
        given:
        clock.advance(Duration.ofSeconds(1))

        when:
        def w = write(dev, 0x5008, 0x100, [[0, 23, 16]: 1L, [0, 5, 0]: 63L, [4, 31, 31]: 1L])

        then:
        status(w) == 0
        c(ppcnt(0x00), 0x00) == 0
        c(ppcnt(0x10, 3), 0x20) == 0
        c(ppcnt(0x16), 0x08) == 0
        status(ppcnt(63)) == FwStatus.BAD_PARAM
    }

    def "unsupported groups, bad prio_tc and bad ports are BAD_PARAM"() {
        expect:
        status(ppcnt(0x20)) == FwStatus.BAD_PARAM
        status(ppcnt(0x04)) == FwStatus.BAD_PARAM
        status(ppcnt(0x10, 8)) == FwStatus.BAD_PARAM
        status(ppcnt(0x00, 0, false, 3)) == FwStatus.BAD_PARAM
    }

    def "the two ports have independent seeded traffic; the same seed reproduces the counters"() {
        given:
        def c2 = EmuClock.virtual()
        def twin = Emulator.create('cx6dx', Transport.MLX5CTL, c2, 21)
        clock.advance(Duration.ofSeconds(1))
        c2.advance(Duration.ofSeconds(1))

        expect:
        c(ppcnt(0x00, 0, false, 1), 0x08) != c(ppcnt(0x00, 0, false, 2), 0x08)
        c(ppcnt(0x00), 0x08) == ru64(read(twin, 0x5008, 0x100, [[0, 23, 16]: 1L]), CS + 0x08)
    }
}
