package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

class RegistersSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 9)
    static final Map P1 = [[0, 23, 16]: 1L]

    def "a register the emulator does not model is BAD_PARAM, not zeros"() {
        when:
        def out = read(dev, 0x9053, 0x100)   // MTPPS

        then:
        status(out) == FwStatus.BAD_PARAM
        syndrome(out) == FirmwareError.syndromeOf('ACCESS_REG.unknown_register')
        (16..<out.length).every { out[it] == 0 }
    }

    def "op_mod other than 0/1 is BAD_PARAM; read-only registers refuse writes"() {
        expect:
        status(dev.rpc(null, set(reg(0x9020, false, 0xa0), 0x04, 15, 0, 2), 16 + 0xa0)) == FwStatus.BAD_PARAM
        status(write(dev, 0x9020, 0xa0)) == FwStatus.BAD_PARAM
        syndrome(write(dev, 0x9020, 0xa0)) == FirmwareError.syndromeOf('MGIR.read_only')
    }

    def "MGIR: identity, firmware version, PSID and uptime"() {
        given:
        clock.advance(Duration.ofSeconds(75))

        when:
        def o = read(dev, 0x9020, 0xa0)

        then:
        rget(o, 0x00, 15, 0) == 0x101d
        rget(o, 0x04, 27, 16) == 2
        rget(o, 0x08, 15, 0) == 0x212
        ru32(o, 0x1c) == 75
        rget(o, 0x20, 23, 16) == 22
        rget(o, 0x28, 15, 0) == 0x2023
        rget(o, 0x28, 31, 24) == 0x11
        ascii(o, DATA + 0x30, 16) == 'MT_0000000359'
        ru32(o, 0x44) == 22 && ru32(o, 0x48) == 39 && ru32(o, 0x4c) == 1002
    }

    def "PAOS: admin status is writable with ase, oper status follows, traffic stops while down"() {
        when:
        def down = write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 2L, [4, 31, 31]: 1L])
        def r = read(dev, 0x5006, 16, P1)
        def before = dev.megabitSeconds(1)
        clock.advance(Duration.ofSeconds(1))

        then:
        status(down) == 0
        rget(r, 0, 11, 8) == 2
        rget(r, 0, 3, 0) == 2
        rget(r, 0, 23, 16) == 1
        dev.megabitSeconds(1) == before

        when: "ase=0 changes nothing"
        write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 1L])

        then:
        rget(read(dev, 0x5006, 16, P1), 0, 3, 0) == 2

        when:
        write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 1L, [4, 31, 31]: 1L])
        clock.advance(Duration.ofSeconds(1))

        then:
        rget(read(dev, 0x5006, 16, P1), 0, 3, 0) == 1
        dev.megabitSeconds(1) == before + 100_000

        expect:
        status(write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 4L, [4, 31, 31]: 1L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x5006, 16, [[0, 23, 16]: 3L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x5006, 16, [[0, 23, 16]: 0L])) == FwStatus.BAD_PARAM
    }

    def "PMTU: admin MTU writable up to max, oper follows"() {
        when:
        def r0 = read(dev, 0x5003, 16, P1)
        def w = write(dev, 0x5003, 16, P1 + [[8, 31, 16]: 9000L])
        def r1 = read(dev, 0x5003, 16, P1)

        then:
        rget(r0, 4, 31, 16) == 9978
        rget(r0, 8, 31, 16) == 1522
        status(w) == 0
        rget(r1, 8, 31, 16) == 9000
        rget(r1, 12, 31, 16) == 9000
        rget(read(dev, 0x5003, 16, [[0, 23, 16]: 2L]), 8, 31, 16) == 1522

        expect:
        status(write(dev, 0x5003, 16, P1 + [[8, 31, 16]: 9979L])) == FwStatus.BAD_PARAM
    }

    def "PTYS: capabilities, oper = fastest admin mode; narrowing admin changes the link speed"() {
        given:
        def eth = [[0, 2, 0]: 4L]

        when:
        def r = read(dev, 0x5004, 0x40, P1 + eth)

        then:
        ru32(r, 0x0c) == 0xf8f03040L
        ru32(r, 0x08) == 0x7c0
        rget(r, 0x04, 15, 0) == 1000           // 100 Gb/s in 100 Mb/s units
        ru32(r, 0x20) == 1 << 10               // 100GAUI_2
        ru32(r, 0x24) == 0
        rget(r, 0x04, 31, 28) == 1

        when: "admin only 25G modes"
        def w = write(dev, 0x5004, 0x40, P1 + eth + [[0x14, 31, 0]: 1L << 6, [0x18, 31, 0]: 7L << 27])
        def r2 = read(dev, 0x5004, 0x40, P1 + eth)
        def before = dev.megabitSeconds(1)
        clock.advance(Duration.ofSeconds(1))

        then:
        status(w) == 0
        rget(r2, 0x04, 15, 0) == 250
        ru32(r2, 0x20) == 1 << 6
        dev.megabitSeconds(1) == before + 25_000

        expect:
        status(write(dev, 0x5004, 0x40, P1 + eth + [[0x14, 31, 0]: 1L << 16])) == FwStatus.BAD_PARAM
        status(write(dev, 0x5004, 0x40, P1 + eth)) == FwStatus.BAD_PARAM
        status(read(dev, 0x5004, 0x40, P1 + [[0, 2, 0]: 1L])) == FwStatus.BAD_PARAM
    }

    def "MTMP: temperature in 0.125 C units drifts slowly, with thresholds and max tracking"() {
        when:
        def a = read(dev, 0x900a, 0x20)
        long t0 = rget(a, 0x04, 15, 0)
        clock.advance(Duration.ofSeconds(150))
        long t1 = rget(read(dev, 0x900a, 0x20), 0x04, 15, 0)
        def mod = read(dev, 0x900a, 0x20, [[0, 11, 0]: 65L])

        then:
        between(t0, 49 * 8, 55 * 8)
        between(t1, 49 * 8, 55 * 8)
        t0 != t1
        rget(a, 0x0c, 15, 0) == 105 * 8
        rget(a, 0x10, 15, 0) == 100 * 8
        ascii(a, DATA + 0x18, 8) == 'ASIC'
        rget(read(dev, 0x900a, 0x20), 0x08, 15, 0) == Math.max(t0, t1)
        between(rget(mod, 0x04, 15, 0), 35 * 8, 42 * 8)
        ascii(mod, DATA + 0x18, 8) == 'MODULE1'

        when: "mtr resets the max"
        write(dev, 0x900a, 0x20, [[0x08, 31, 31]: 1L, [0x08, 30, 30]: 1L])

        then:
        rget(read(dev, 0x900a, 0x20), 0x08, 15, 0) == t1

        expect:
        status(read(dev, 0x900a, 0x20, [[0, 11, 0]: 5L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x900a, 0x20, [[0, 11, 0]: 66L])) == FwStatus.BAD_PARAM
        rget(read(dev, 0x9009, 0x10), 0, 6, 0) == 1
    }

    def "the same seed and time give the same temperature; another seed differs somewhere"() {
        given:
        def c2 = EmuClock.virtual()
        def twin = Emulator.create('cx6dx', Transport.MLX5CTL, c2, 9)
        def other = Emulator.create('cx6dx', Transport.MLX5CTL, c2, 10)
        def temps = { d -> (0..<5).collect { i -> rget(read(d, 0x900a, 0x20), 4, 15, 0) } }

        expect:
        (0..<5).collect { clock.advance(Duration.ofSeconds(1)); c2.advance(Duration.ofSeconds(1)); [rget(read(dev, 0x900a, 0x20), 4, 15, 0), rget(read(twin, 0x900a, 0x20), 4, 15, 0), rget(read(other, 0x900a, 0x20), 4, 15, 0)] }
                .with { rows -> rows.every { it[0] == it[1] } && rows.any { it[0] != it[2] } }
    }

    def "MCIA: QSFP28 identity in page 0, register status for bad addresses"() {
        given:
        def q = { int addr, int size, int i2c = 0x50, int page = 0 ->
            read(dev, 0x9014, 0x84, [[0, 23, 16]: 0L, [4, 31, 24]: (long) i2c, [4, 23, 16]: (long) page, [4, 15, 0]: (long) addr, [8, 15, 0]: (long) size])
        }

        expect:
        q(0, 1)[DATA + 0x10] == 0x11
        ascii(q(148, 16), DATA + 0x10, 16) == 'NVIDIA'
        ascii(q(168, 16), DATA + 0x10, 16) == 'MCP1600-C001E30N'
        ascii(q(196, 16), DATA + 0x10, 16) == 'MT2231VS01234'
        rget(q(0, 4, 0x52), 0, 7, 0) == 9
        rget(q(250, 12), 0, 7, 0) == 2
        rget(q(128, 4, 0x50, 9), 0, 7, 0) == 2
        rget(q(0, 1), 0, 7, 0) == 0
        status(read(dev, 0x9014, 0x84, [[0, 23, 16]: 2L, [4, 31, 24]: 0x50L, [8, 15, 0]: 1L])) == FwStatus.BAD_PARAM
    }

    def "MCIA on a CX7 module uses the CMIS layout"() {
        given:
        def cx7 = Emulator.create('cx7', Transport.MLX5CTL, clock, 1)
        def o = read(cx7, 0x9014, 0x84, [[4, 31, 24]: 0x50L, [4, 15, 0]: 148L, [8, 15, 0]: 16L])

        expect:
        read(cx7, 0x9014, 0x84, [[4, 31, 24]: 0x50L, [8, 15, 0]: 1L])[DATA + 0x10] == 0x19
        ascii(o, DATA + 0x10, 16) == 'MMA4Z00-NS400'
    }

    def "PDDR: operational page follows the link; troubleshooting page says why it is down; module page names the cable"() {
        given:
        def trouble = { byte[] o -> [rget(o, 0x08 + 0x04, 15, 0), ascii(o, DATA + 0x08 + 0x0c, 236)] }
        def page1 = { read(dev, 0x5031, 0x100, P1 + [[4, 7, 0]: 1L]) }

        when:
        def op = read(dev, 0x5031, 0x100, P1 + [[4, 7, 0]: 0L])
        def mod = read(dev, 0x5031, 0x100, P1 + [[4, 7, 0]: 3L])
        def healthy = page1()

        then:
        rget(op, 0x08 + 0x04, 31, 24) == 3
        ru32(op, 0x08 + 0x14) == 1 << 10
        rget(op, 0x08 + 0x1c, 31, 16) == 2
        ascii(mod, DATA + 0x08 + 0x24, 16) == 'MCP1600-C001E30N'
        ascii(mod, DATA + 0x08 + 0x3c, 16) == 'MT2231VS01234'
        trouble(healthy) == [0, 'No issue was observed']

        when:
        write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 2L, [4, 31, 31]: 1L])

        then:
        rget(read(dev, 0x5031, 0x100, P1), 0x08 + 0x04, 31, 24) == 0
        trouble(page1()) == [1, 'Port is closed by command (see PAOS)']

        when:
        write(dev, 0x5006, 16, P1 + [[0, 11, 8]: 1L, [4, 31, 31]: 1L])

        then:
        trouble(page1()) == [0, 'No issue was observed']

        expect:
        status(read(dev, 0x5031, 0x100, P1 + [[4, 7, 0]: 2L])) == FwStatus.BAD_PARAM
    }

    def "MCAM advertises the tracer registers (bits 64..67) and MTMP; PCAM advertises PPCNT (bit 8)"() {
        given:
        def mcam = read(dev, 0x907f, 0x48)
        def pcam = read(dev, 0x507f, 0x50)
        def bit = { byte[] o, int n -> (o[DATA + 0x08 + 15 - n.intdiv(8)] >> (n % 8)) & 1 }

        expect:
        (64..67).every { bit(mcam, it) == 1 }
        bit(mcam, 10) == 1
        bit(mcam, 11) == 0
        bit(mcam, 68) == 0
        bit(pcam, 8) == 1
        bit(pcam, 9) == 0
        status(read(dev, 0x907f, 0x48, [[0, 7, 0]: 1L])) == FwStatus.BAD_PARAM
    }

    def "PMLP maps port N's four lanes to module N-1"() {
        when:
        def o = read(dev, 0x5002, 0x40, [[0, 23, 16]: 2L])

        then:
        rget(o, 0, 7, 0) == 4
        (0..3).every { rget(o, 4 + 4 * it, 7, 0) == 1 && rget(o, 4 + 4 * it, 19, 16) == it }
    }

    def "replies are padded to a longer (ADB-sized) request"() {
        when:
        def o = dev.rpc(null, reg(0x9040, false, 0x84), 16 + 0x84)

        then:
        status(o) == 0
        o.length == 16 + 0x84
    }
}
