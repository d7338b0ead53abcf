package fwsh.emu

import fwsh.channel.Scope
import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

class FirmwareCommandsSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 5)

    def "unknown opcodes are BAD_OP with a syndrome that is stable per cause"() {
        when:
        def a = dev.rpc(null, cmd(0x123), 16)
        def b = dev.rpc(null, cmd(0x456), 64)

        then:
        status(a) == FwStatus.BAD_OP
        syndrome(a) == syndrome(b)
        syndrome(a) == FirmwareError.syndromeOf('opcode.unknown')
        FirmwareError.describe(syndrome(a)).get() == 'opcode.unknown'
        b.length == 64
    }

    def "short mailboxes give BAD_INP_LEN / BAD_OUTP_LEN"() {
        expect:
        status(dev.rpc(null, cmd(0x100, 1), 16 + 100)) == FwStatus.BAD_OUTP_LEN
        status(dev.rpc(null, cmd(0x770, 0, 16), 0x100)) == FwStatus.BAD_INP_LEN
        status(dev.rpc(null, reg(0x5008, false, 8), 16 + 256)) == FwStatus.BAD_INP_LEN
        status(dev.rpc(null, reg(0x5008, false, 256), 16 + 8)) == FwStatus.BAD_OUTP_LEN
        syndrome(dev.rpc(null, cmd(0x100, 1), 17)) == FirmwareError.syndromeOf('QUERY_HCA_CAP.short_output')
    }

    def "QUERY_HCA_CAP returns general and debug caps, cur and max (op_mod = type<<1 | cur)"() {
        when:
        def genCur = dev.rpc(null, cmd(0x100, 0x01), 16 + 4096)
        def genMax = dev.rpc(null, cmd(0x100, 0x00), 16 + 4096)
        def dbgCur = dev.rpc(null, cmd(0x100, 0x1b), 16 + 4096)
        int c = 0x10

        then:
        get(genCur, c + 0x10, 4, 0) == 17            // log_max_qp
        get(genMax, c + 0x10, 4, 0) == 18            // max differs
        get(genCur, c + 0x30, 28, 28) == 1           // debug
        get(genCur, c + 0x34, 9, 8) == 1             // port_type ETH
        get(genCur, c + 0x34, 7, 0) == 2             // num_ports: the profile's two ports, which PAOS/PTYS answer
        get(genMax, c + 0x34, 7, 0) == 2
        get(genCur, c + 0x38, 28, 24) == 30          // log_max_msg
        get(genCur, c + 0x50, 31, 16) == 13          // num_of_diagnostic_counters
        get(genCur, c + 0x64, 20, 16) == 23          // log_max_pd
        u32(genCur, c + 0x9c) == 1000000             // device_frequency_khz
        u32(genCur, c + 0xd4) == 0x7                 // uctx_cap
        get(dbgCur, c + 0x00, 31, 31) == 1           // core_dump_general
        get(dbgCur, c + 0x00, 22, 22) == 1           // resource_dump
        get(dbgCur, c + 0x00, 7, 0) == 14            // log_max_samples
        get(dbgCur, c + 0x04, 31, 30) == 3           // single, repetitive
        get(dbgCur, c + 0x40, 15, 0) == 0x401        // diagnostic_counter[0]
        get(dbgCur, c + 0x40, 31, 31) == 1           // sync
        get(dbgCur, c + 0x40 + 4 * 12, 15, 0) == 0x2c04
    }

    def "QUERY_HCA_CAP of an unmodelled cap type or another function is BAD_PARAM"() {
        expect:
        status(dev.rpc(null, cmd(0x100, 0x03), 16 + 4096)) == FwStatus.BAD_PARAM
        status(dev.rpc(null, set(cmd(0x100, 0x01), 0x08, 31, 31, 1), 16 + 4096)) == FwStatus.BAD_PARAM
    }

    def "QUERY_ADAPTER has the PSID at vsd_contd_psid"() {
        when:
        def out = dev.rpc(null, cmd(0x101), 16 + 256)

        then:
        status(out) == 0
        ascii(out, 0x10 + 0xf0, 16) == 'MT_0000000359'
        get(out, 0x10 + 0x1c, 15, 0) == 0x15b3
        get(out, 0x10 + 0x18, 23, 0) == 0x0002c9
    }

    def "QUERY_ISSI reports supported ISSIs; SET_ISSI changes current"() {
        expect:
        get(dev.rpc(null, cmd(0x10a), 0x70), 0x08, 15, 0) == 0
        u32(dev.rpc(null, cmd(0x10a), 0x70), 0x6c) == 3
        status(dev.rpc(null, set(cmd(0x10b, 0, 16), 0x08, 15, 0, 1), 16)) == 0
        get(dev.rpc(null, cmd(0x10a), 0x70), 0x08, 15, 0) == 1
        status(dev.rpc(null, set(cmd(0x10b, 0, 16), 0x08, 15, 0, 5), 16)) == FwStatus.BAD_PARAM
    }

    def "QUERY_VPORT_COUNTER counts the port's traffic and clears on request"() {
        given:
        clock.advance(Duration.ofSeconds(1))

        when:
        def a = dev.rpc(null, cmd(0x770, 0, 32), 528)
        def t = dev.traffic(1).at(dev.megabitSeconds(1))

        then:
        status(a) == 0
        u64(a, 0x90) == t.unicast[0]            // received_eth_unicast.packets
        u64(a, 0xa0) == t.unicast[1]            // transmitted_eth_unicast.packets
        u64(a, 0xb0) == t.multicast[0]
        u64(a, 0x70) == t.broadcast[0]
        u64(a, 0x10) == t.fcsErrors
        u64(a, 0x90) + u64(a, 0xb0) + u64(a, 0x70) == t.totalFrames[0]
        u64(a, 0x98) > u64(a, 0x90) * 60        // octets

        when: "read with clear, then again without time passing"
        dev.rpc(null, set(cmd(0x770, 0, 32), 0x18, 31, 31, 1), 528)
        def b = dev.rpc(null, cmd(0x770, 0, 32), 528)

        then:
        u64(b, 0x90) == 0

        when:
        clock.advance(Duration.ofMillis(10))
        def c = dev.rpc(null, cmd(0x770, 0, 32), 528)

        then:
        u64(c, 0x90) > 0

        expect:
        status(dev.rpc(null, set(set(cmd(0x770, 0, 32), 0x08, 31, 31, 1), 0x08, 15, 0, 3), 528)) == FwStatus.BAD_PARAM
    }

    def "QUERY_CONG_STATISTICS counts CNPs over time and clears"() {
        given:
        clock.advance(Duration.ofSeconds(2))

        when:
        def a = dev.rpc(null, cmd(0x826), 0x110)

        then:
        status(a) == 0
        u64(a, 0x20) == 100                     // rp_cnp_handled: 50/s for 2 s
        u64(a, 0x5c) == 100                     // np_cnp_sent
        u64(a, 0x48) > 0                        // time_stamp

        when:
        dev.rpc(null, set(cmd(0x826), 0x08, 31, 31, 1), 0x110)
        clock.advance(Duration.ofSeconds(1))
        def b = dev.rpc(null, cmd(0x826), 0x110)

        then:
        u64(b, 0x20) == 50
    }

    def "NOP answers OK; replies are padded to the requested length"() {
        when:
        def out = dev.rpc(Scope.DEBUG_READ_ONLY, cmd(0x80d), 4096)

        then:
        status(out) == 0
        out.length == 4096
        out.every { it == 0 }
    }
}
