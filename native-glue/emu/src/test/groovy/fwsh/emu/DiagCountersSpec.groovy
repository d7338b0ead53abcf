package fwsh.emu

import fwsh.channel.Scope
import fwsh.channel.Transport
import spock.lang.Specification

import java.time.Duration

import static fwsh.emu.Mbox.*

class DiagCountersSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.FWCTL, clock, 4)

    /** SET_DIAGNOSTIC_PARAMS: context at 0x08, counter ids from 0x20. */
    byte[] setIn(List<Integer> ids, Map flags, int lns, int lsp) {
        byte[] in = cmd(0x820, 0, 0x20 + 4 * ids.size())
        set(in, 0x08, 31, 16, ids.size())
        set(in, 0x08, 7, 0, lns)
        [single: 31, repetitive: 30, sync: 29, clear: 28, on_demand: 27, enable: 26].each { k, bit ->
            if (flags[k]) set(in, 0x0c, bit, bit, 1)
        }
        set(in, 0x0c, 7, 0, lsp)
        ids.eachWithIndex { id, i -> set(in, 0x20 + 4 * i, 15, 0, id) }
        in
    }

    byte[] setParams(List<Integer> ids, Map flags, int lns = 4, int lsp = 10) {
        dev.rpc(Scope.DEBUG_WRITE, setIn(ids, flags, lns, lsp), 16)
    }

    byte[] query(int samples, int index, int outLen) {
        byte[] in = cmd(0x821)
        set(in, 0x08, 31, 16, samples)
        set(in, 0x08, 15, 0, index)
        dev.rpc(Scope.DEBUG_READ_ONLY, in, outLen)
    }

    List<Map> entries(byte[] out) {
        def list = []
        for (int off = 16; off + 16 <= out.length; off += 16) {
            list << [id: get(out, off, 31, 16), sample: get(out, off, 15, 0), ts: u32(out, off + 4), value: u64(out, off + 8)]
        }
        list
    }

    def "single mode: samples accumulate at the period, whole samples in configured order, then stop"() {
        given: "period 2^10 clocks at 1 GHz = 1.024 us, 16 samples"
        def ids = [0x401, 0x2006, 0x40b]

        when:
        def s = setParams(ids, [single: true, sync: true, clear: true, enable: true])
        clock.advance(Duration.ofNanos(1024 * 5 + 100))
        def e = entries(query(16, 0, 16 + 16 * 3 * 16))

        then:
        status(s) == 0
        dev.kernelTainted()
        e.size() == 48
        e[0..2]*.id == [0x401, 0x2006, 0x40b]
        e[0..2]*.sample == [1, 1, 1]
        e[12..14]*.sample == [5, 5, 5]
        e[15].id == 0 && e[15].sample == 0          // sample 6 not taken yet
        e[0].ts == e[1].ts
        e[3].ts - e[0].ts == 1024
        e[4].value > e[1].value

        when: "long after, single mode holds exactly 16 samples"
        clock.advance(Duration.ofSeconds(1))
        def all = entries(query(16, 0, 16 + 16 * 3 * 16))

        then:
        all*.sample.unique() == (1..16).toList()
        all.count { it.id == 0x2006 } == 16
    }

    def "repetitive mode is a ring: each slot holds the latest sample for it"() {
        when:
        setParams([0x1001], [repetitive: true, enable: true], 2, 10)   // 4 slots
        clock.advance(Duration.ofNanos(1024 * 10))
        def e = entries(query(4, 0, 16 + 4 * 16))

        then:
        e*.sample == [9, 10, 7, 8]

        when: "sample_index starts the read at a slot, wrapping"
        def w = entries(query(2, 3, 16 + 2 * 16))

        then:
        w*.sample == [8, 9]
    }

    def "the output is truncated to outlen"() {
        given:
        setParams([0x401, 0x402], [single: true, enable: true])
        clock.advance(Duration.ofMillis(1))

        when:
        def out = query(4, 0, 16 + 16 * 3)

        then:
        status(out) == 0
        entries(out)*.id == [0x401, 0x402, 0x401]
    }

    def "QUERY_DIAGNOSTIC_PARAMS returns the configuration; disable with clear forgets it"() {
        when:
        setParams([0x406, 0x2c02], [repetitive: true, sync: true, enable: true], 5, 12)
        def p = dev.rpc(Scope.DEBUG_READ_ONLY, cmd(0x819), 0x20 + 8)

        then:
        get(p, 0x08, 31, 16) == 2
        get(p, 0x08, 7, 0) == 5
        get(p, 0x0c, 30, 30) == 1
        get(p, 0x0c, 29, 29) == 1
        get(p, 0x0c, 26, 26) == 1
        get(p, 0x0c, 7, 0) == 12
        get(p, 0x20, 15, 0) == 0x406
        get(p, 0x24, 15, 0) == 0x2c02

        when:
        setParams([], [clear: true])

        then:
        get(dev.rpc(Scope.DEBUG_READ_ONLY, cmd(0x819), 0x20), 0x08, 31, 16) == 0
        status(query(1, 0, 32)) == FwStatus.BAD_SYS_STATE
    }

    def "disable without clear freezes the samples taken"() {
        when:
        setParams([0x401], [single: true, enable: true], 4, 10)
        clock.advance(Duration.ofNanos(1024 * 3))
        setParams([], [:])
        clock.advance(Duration.ofMillis(5))

        then:
        entries(query(16, 0, 16 + 16 * 16)).count { it.sample != 0 } == 3
    }

    def "clear restarts values at zero; without clear they continue"() {
        when:
        clock.advance(Duration.ofSeconds(1))
        setParams([0x2006], [single: true, enable: true], 4, 20)
        clock.advance(Duration.ofNanos(1 << 20))
        long continued = entries(query(1, 0, 32))[0].value
        setParams([0x2006], [single: true, clear: true, enable: true], 4, 20)
        clock.advance(Duration.ofNanos(1 << 20))
        long cleared = entries(query(1, 0, 32))[0].value

        then:
        continued > cleared * 100
        cleared > 0
    }

    def "SET validation follows the driver's checks"() {
        expect:
        status(setParams(ids, flags, lns, lsp)) == FwStatus.BAD_PARAM

        where:
        ids                  | flags                                       | lns | lsp
        []                   | [single: true, enable: true]                | 4   | 10
        [0x999]              | [single: true, enable: true]                | 4   | 10
        [0x401, 0x401]       | [single: true, enable: true]                | 4   | 10
        [0x401]              | [single: true, repetitive: true, enable: true] | 4 | 10
        [0x401]              | [enable: true]                              | 4   | 10
        [0x401, 0x402]       | [single: true, enable: true]                | 14  | 10
        [0x401]              | [single: true, enable: true]                | 15  | 10
    }

    def "QUERY validation: num_of_samples and sample_index within 2^log_num_of_samples"() {
        given:
        setParams([0x401], [single: true, enable: true], 2, 10)

        expect:
        status(query(5, 0, 256)) == FwStatus.BAD_PARAM
        status(query(1, 4, 256)) == FwStatus.BAD_PARAM
        status(query(4, 3, 256)) == 0
    }

    def "SET_DIAGNOSTIC_PARAMS needs debug-write on fwctl"() {
        when:
        dev.rpc(Scope.DEBUG_READ_ONLY, setIn([0x401], [single: true, enable: true], 4, 10), 16)

        then:
        thrown(fwsh.channel.ScopeNotAllowedException)
    }
}
