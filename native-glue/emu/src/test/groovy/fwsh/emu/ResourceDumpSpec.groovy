package fwsh.emu

import fwsh.channel.Transport
import spock.lang.Specification

import static fwsh.emu.Mbox.*

class ResourceDumpSpec extends Specification {
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, EmuClock.virtual(), 2)

    /** mlx5ctl's inline loop: copy seq/index/num/opaque from out to in while more_dump is set. */
    Map inlineDump(int segment, long index1 = 0, int num1 = 0, boolean write = false) {
        byte[] in = reg(0xc000, write, 0x100)
        set(in, DATA, 30, 30, 1)
        set(in, DATA, 15, 0, segment)
        putU32(in, DATA + 0x08, index1)
        set(in, DATA + 0x10, 31, 16, num1)
        def data = new ByteArrayOutputStream()
        def seqs = []
        def opaques = [] as Set
        int calls = 0
        while (true) {
            byte[] out = dev.rpc(null, in, 16 + 0x100)
            assert status(out) == 0
            int seq = rget(out, 0, 19, 16)
            seqs << seq
            opaques << ru64(out, 0x18)
            int n = ru32(out, 0x24)
            data.write(out, DATA + 0x30, n)
            calls++
            if (rget(out, 0, 31, 31) == 0) break
            set(in, DATA, 19, 16, seq)
            putU64(in, DATA + 0x18, ru64(out, 0x18))
        }
        [bytes: data.toByteArray(), seqs: seqs, opaques: opaques, calls: calls]
    }

    List<Map> segments(byte[] s) {
        def list = []
        int off = 0
        while (off < s.length) {
            int len = get(s, off, 31, 16) * 4
            list << [type: get(s, off, 15, 0), off: off, len: len]
            assert len > 0
            off += len
        }
        list
    }

    def "the menu comes inline in 208-byte pieces with seq_num in+1 mod 16 and device_opaque echoed"() {
        when:
        def r = inlineDump(0xffff)
        def segs = segments(r.bytes)

        then:
        r.bytes.length == 2388                        // 44 + 45 x 52 + 4, as on a real CX6Dx
        r.calls == 12
        r.seqs == (1..12).collect { it % 16 }
        r.opaques.size() == 1 && r.opaques[0] != 0
        segs*.type == [0xfffe, 0xfffa, 0xffff, 0xfffb]
        get(r.bytes, segs[1].off + 4, 31, 16) == 0xffff         // segment_called
        get(r.bytes, segs[2].off + 4, 15, 0) == 45              // num_of_records

        and: "records name segment types and their indexes"
        def recs = (0..<45).collect { i ->
            int b = segs[2].off + 8 + 52 * i
            [type: get(r.bytes, b, 15, 0), name: ascii(r.bytes, b + 4, 16), idx1: ascii(r.bytes, b + 0x14, 16), flags: u32(r.bytes, b) >>> 16]
        }
        recs.find { it.name == 'FULL_QPC' }.type == 0x1000
        recs.find { it.name == 'FULL_QPC' }.idx1 == 'QPN'
        (recs.find { it.name == 'FULL_EQC' }.flags & 1) == 1
        recs.find { it.name == 'SND_BUFF' }.flags & (1 << 10)
    }

    def "the kernel's op_mod 0 gets the same stream"() {
        expect:
        inlineDump(0xffff, 0, 0, true).bytes == inlineDump(0xffff).bytes
    }

    def "seq_num wraps at 16 on a long dump"() {
        when: "all QP contexts, several segments"
        def r = inlineDump(0x1000, 0x100, 0xffff)

        then:
        segments(r.bytes)*.type.count { it == 0x1000 } == 8
        r.calls >= 4
        r.seqs.every { it in 0..15 }
        r.seqs[0] == 1
    }

    def "resource segments carry index1 and a payload; one object by index, unknown object is an ERROR segment"() {
        when:
        def one = segments(inlineDump(0x1300, 2, 1).bytes)
        def bytes = inlineDump(0x1300, 2, 1).bytes
        def missing = segments(inlineDump(0x1300, 9, 1).bytes)
        def notModelled = segments(inlineDump(0x3000, 0, 1).bytes)

        then:
        one*.type == [0xfffe, 0xfffa, 0x1300, 0xfffb]
        u32(bytes, one[2].off + 8) == 2
        u32(bytes, one[2].off + 16) == 2
        one[2].len == 0x50
        missing*.type == [0xfffe, 0xfffa, 0xfffc, 0xfffb]
        notModelled*.type == [0xfffe, 0xfffa, 0xfff9, 0xfffb]
    }

    def "an unknown segment type, a wrong seq_num or an unknown device_opaque is BAD_PARAM"() {
        given:
        byte[] in = reg(0xc000, false, 0x100)
        set(in, DATA, 30, 30, 1)
        set(in, DATA, 15, 0, 0xffff)
        def first = dev.rpc(null, in, 0x110)
        byte[] next = java.util.Arrays.copyOf(in, in.length)
        set(next, DATA, 19, 16, 5)
        putU64(next, DATA + 0x18, ru64(first, 0x18))
        byte[] bogus = java.util.Arrays.copyOf(in, in.length)
        set(bogus, DATA, 19, 16, 1)
        putU64(bogus, DATA + 0x18, 0x42)

        expect:
        status(dev.rpc(null, set(java.util.Arrays.copyOf(in, in.length), DATA, 15, 0, 0x7777), 0x110)) == FwStatus.BAD_PARAM
        status(dev.rpc(null, next, 0x110)) == FwStatus.BAD_PARAM
        status(dev.rpc(null, bogus, 0x110)) == FwStatus.BAD_PARAM
    }

    def "mkey mode DMAs the stream into user memory, size bytes at a time"() {
        given:
        def u = dev.registerUmem(4096)
        int mkey = Objects2.mkeyFor(dev, u)
        byte[] in = reg(0xc000, false, 0x100)
        set(in, DATA, 15, 0, 0xffff)
        putU32(in, DATA + 0x20, mkey)
        putU32(in, DATA + 0x24, 1024)
        putU64(in, DATA + 0x28, u.address())

        when:
        def out = dev.rpc(null, in, 0x110)
        def b = u.buffer()

        then:
        status(out) == 0
        ru32(out, 0x24) == 1024
        rget(out, 0, 31, 31) == 1
        (b.getInt(0) & 0xffff) == 0xfffe
        ((b.getInt(16) & 0xffff)) == 0xfffa

        when: "continue into the next KB of the buffer"
        set(in, DATA, 19, 16, rget(out, 0, 19, 16))
        putU64(in, DATA + 0x18, ru64(out, 0x18))
        putU64(in, DATA + 0x28, u.address() + 1024)
        putU32(in, DATA + 0x24, 4096)
        def out2 = dev.rpc(null, in, 0x110)

        then: "only 3 KB fit behind the address"
        ru32(out2, 0x24) == 1364
        rget(out2, 0, 31, 31) == 0
        (b.getInt(2384) & 0xffff) == 0xfffb

        when: "a bad mkey"
        putU32(in, DATA + 0x20, 0xdead00)
        putU64(in, DATA + 0x18, 0)
        set(in, DATA, 19, 16, 0)

        then:
        status(dev.rpc(null, in, 0x110)) == FwStatus.BAD_PARAM
    }

    def "CORE_DUMP CR_DUMP_TO_MEM writes (address, value) pairs and continues by cookie"() {
        given:
        def u = dev.registerUmem(32 << 10)
        int mkey = Objects2.mkeyFor(dev, u)
        def req = { long cookie ->
            read(dev, 0x402e, 0x40, [[0, 7, 0]: 2L, [0x10, 31, 0]: (long) mkey, [0x14, 31, 0]: 32L << 10]).with { it }
        }
        byte[] in = reg(0x402e, false, 0x40)
        set(in, DATA, 7, 0, 2)
        putU32(in, DATA + 0x10, mkey)
        putU32(in, DATA + 0x14, 32 << 10)
        putU64(in, DATA + 0x18, u.address())

        when:
        def o1 = dev.rpc(null, in, 0x50)
        putU64(in, DATA + 0x20, ru64(o1, 0x20))
        def first = u.buffer().getLong(0)
        def o2 = dev.rpc(null, in, 0x50)

        then:
        status(o1) == 0
        ru32(o1, 0x14) == 32 << 10
        rget(o1, 0, 31, 31) == 1
        ru64(o1, 0x20) == 32 << 10
        (first >>> 32) == 0x000f0000
        rget(o2, 0, 31, 31) == 0
        ru64(o2, 0x20) == 0
        (u.buffer().getLong(0) >>> 32) == 0x000f0000 + 4 * (32 << 10) / 8

        expect:
        status(write(dev, 0x402e, 0x40, [[0, 7, 0]: 1L])) == FwStatus.BAD_PARAM
    }
}
