package fwsh.emu

import fwsh.channel.DeviceEvent
import fwsh.channel.Transport
import fwsh.channel.Umem
import spock.lang.Specification

import java.nio.ByteBuffer
import java.time.Duration

import static fwsh.emu.Mbox.*

class TracerSpec extends Specification {
    def clock = EmuClock.virtual()
    def dev = Emulator.create('cx6dx', Transport.MLX5CTL, clock, 11)
    Umem buf
    int mkey

    byte[] own(EmulatedDevice d, boolean take) { write(d, 0x9040, 0x80, [[0, 31, 31]: take ? 1L : 0L]) }

    /** The kernel's start sequence: own, MTRC_CONF memory mode with a 256 KB buffer, activate + arm. */
    void start(EmulatedDevice d = dev) {
        buf = d.registerUmem(256 << 10)
        mkey = Objects2.mkeyFor(d, buf)
        assert rget(own(d, true), 0, 31, 31) == 1
        assert status(write(d, 0x9041, 0x80, [[0, 3, 0]: 1L, [4, 7, 0]: 6L, [8, 31, 0]: (long) mkey])) == 0
        assert status(write(d, 0x9043, 0x40, [[0, 31, 30]: 1L, [0, 27, 27]: 1L, [0, 15, 0]: 1L])) == 0
    }

    long ev(ByteBuffer b, int block, int i) { b.getLong(block * 256 + i * 8) }

    long blockTs(ByteBuffer b, int block) {
        long e = ev(b, block, 31)
        assert ((e >>> 48) & 0xff) == 0xff
        long hi = (e >>> 32) & 0x1fff
        long mid = e & 0xffffffffL
        long lo = (e >>> 56) & 0xff
        (hi << 40) | (mid << 8) | lo
    }

    def "MTRC_CAP describes memory-mode tracing and the string DB sections"() {
        when:
        def c = read(dev, 0x9040, 0x80)
        def db = dev.hca().tracer.db()

        then:
        rget(c, 0, 31, 31) == 0
        rget(c, 0, 30, 30) == 1
        rget(c, 0, 25, 24) == 1
        rget(c, 0, 3, 0) == db.sections.size()
        rget(c, 4, 31, 24) == 0xb0
        rget(c, 4, 23, 16) == 0x10
        rget(c, 8, 7, 0) == 12
        ru32(c, 0x10) == 0
        rget(c, 0x14, 23, 0) == db.sections[0].length
        ru32(c, 0x18) == db.sections[0].length
        db.sections.every { it.length % 64 == 0 }
    }

    def "the string DB reads back in 256 and 64 byte pieces (both op_mods), with %llx and a bad format"() {
        given:
        def c = read(dev, 0x9040, 0x80)
        int size0 = rget(c, 0x14, 23, 0)
        def bytes = new ByteArrayOutputStream()

        when: "the kernel's loop: size/256 reads of 256, then 64-byte reads"
        int off = 0
        while (off < size0) {
            int n = size0 - off >= 256 ? 256 : 64
            def o = (off / 64) % 2 == 0 ? write(dev, 0x9042, 8 + n, [[0, 31, 28]: 0L, [0, 23, 0]: (long) n, [4, 31, 0]: (long) off])
                                         : read(dev, 0x9042, 8 + n, [[0, 31, 28]: 0L, [0, 23, 0]: (long) n, [4, 31, 0]: (long) off])
            assert status(o) == 0
            bytes.write(o, DATA + 8, n)
            off += n
        }
        def strings = new String(bytes.toByteArray(), 'US-ASCII').split('\u0000').findAll { it }

        then:
        strings.contains('ICM: alloc page va 0x%llx pages %d')
        strings.contains('dump general info GVMI=0x%04x')
        strings.any { it.contains('%s') }                         // the BAD_FORMAT one lives in section 1
        || new String(dev.hca().tracer.db().sections[1], 'US-ASCII').contains('%s')
        StringDb.paramCount('ICM: alloc page va 0x%llx pages %d') == 3

        expect: "bad requests"
        status(read(dev, 0x9042, 8 + 64, [[0, 23, 0]: 65L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x9042, 8 + 64, [[0, 23, 0]: 64L, [4, 31, 0]: 32L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x9042, 8 + 64, [[0, 31, 28]: 7L, [0, 23, 0]: 64L])) == FwStatus.BAD_PARAM
        status(read(dev, 0x9042, 8 + 64, [[0, 23, 0]: 64L, [4, 31, 0]: 1L << 20])) == FwStatus.BAD_PARAM
        status(read(dev, 0x9042, 8 + 64, [[0, 23, 0]: 256L])) == FwStatus.BAD_OUTP_LEN
    }

    def "one owner: a second handle is told trace_owner=0 until the owner releases"() {
        given:
        def other = dev.openHandle()

        expect:
        rget(own(dev, true), 0, 31, 31) == 1
        rget(own(other, true), 0, 31, 31) == 0
        rget(read(other, 0x9040, 0x80), 0, 31, 31) == 0
        status(write(other, 0x9043, 0x40, [[0, 31, 30]: 1L, [0, 15, 0]: 1L])) == FwStatus.RES_BUSY

        when:
        own(dev, false)

        then:
        other.drainEvents().any { it.subType() == DeviceEvent.OWNERSHIP_CHANGE }
        rget(own(other, true), 0, 31, 31) == 1
    }

    def "activated tracing writes 256-byte blocks at the configured rate, each closed by a timestamp event"() {
        given:
        start()
        def b = buf.buffer()

        when:
        clock.advance(Duration.ofMillis(100))   // 100 blocks/s

        then:
        (0..9).every { ((ev(b, it, 31) >>> 48) & 0xff) == 0xff }
        ev(b, 10, 31) == 0
        (0..8).every { blockTs(b, it) < blockTs(b, it + 1) }
        blockTs(b, 1) - blockTs(b, 0) == 10_000_000    // 10 ms at 1 GHz

        and: "events 0..30 are string events in range, starting messages point into the DB"
        def db = dev.hca().tracer.db()
        (0..30).every { i -> long e = ev(b, 0, i); int id = (e >>> 48) & 0xff; id >= 0xb0 && id < 0xc0 }
        def starts = (0..30).collect { ev(b, 0, it) }.findAll { (it >>> 32 & 0x7) == 0 }
        starts.every { e -> long p = e & 0xffffffffL; db.formats.any { it.pointer() == p } }
        starts.every { e -> long p = e & 0xffffffffL; db.bases.every { it != p } }
    }

    def "message parameters follow their start event with tdsn 1..n and the same tmsn"() {
        given:
        start()
        clock.advance(Duration.ofMillis(50))
        def b = buf.buffer()
        def db = dev.hca().tracer.db()

        expect:
        (0..4).every { blk ->
            int i = 0
            boolean ok = true
            while (i < 31) {
                long e = ev(b, blk, i)
                def f = db.formats.find { it.pointer() == (e & 0xffffffffL) }
                ok &= ((e >>> 32) & 0x7) == 0 && f != null
                long tmsn = (e >>> 35) & 0x1fff
                for (int p = 1; p <= f.params(); p++) {
                    long pe = ev(b, blk, i + p)
                    ok &= ((pe >>> 32) & 0x7) == p && ((pe >>> 35) & 0x1fff) == tmsn
                }
                i += 1 + f.params()
            }
            ok && i == 31
        }
    }

    def "arming raises one TRACES_AVAILABLE event when new blocks arrive"() {
        given:
        start()
        dev.drainEvents()

        when: "armed during start: the first block fires once"
        clock.advance(Duration.ofMillis(30))
        def first = dev.drainEvents()
        clock.advance(Duration.ofMillis(30))
        def none = dev.drainEvents()
        write(dev, 0x9043, 0x40, [[0, 27, 27]: 1L])
        def rearmed = dev.drainEvents()

        then:
        first.size() == 1 && first[0].type() == 0x26 && first[0].subType() == DeviceEvent.TRACES_AVAILABLE
        none.isEmpty()
        rearmed.size() == 1
    }

    def "the buffer is circular and an injected overrun sets the lost bit"() {
        given:
        start()
        def b = buf.buffer()

        when: "1024 blocks fill 256 KB; the 1025th overwrites block 0"
        clock.advance(Duration.ofMillis(10250))

        then:
        blockTs(b, 0) > blockTs(b, 1023)
        blockTs(b, 1) < blockTs(b, 1023)

        when:
        dev.faults().traceOverrun(3)
        clock.advance(Duration.ofMillis(10))

        then: "the next block would be slot 1; the writer skipped 3 slots and flagged the block lost"
        (ev(b, 4, 0) >>> 63) == 1
        blockTs(b, 4) > blockTs(b, 0)
        blockTs(b, 1) < blockTs(b, 0)
        (ev(b, 0, 0) >>> 63) == 0
    }

    def "deactivation stops writing; MTRC_CTRL reports status and a running timestamp"() {
        given:
        start()

        when:
        clock.advance(Duration.ofMillis(20))
        def c1 = read(dev, 0x9043, 0x40)
        write(dev, 0x9043, 0x40, [[0, 31, 30]: 0L, [0, 15, 0]: 1L])
        clock.advance(Duration.ofMillis(100))
        def c2 = read(dev, 0x9043, 0x40)
        def b = buf.buffer()

        then:
        rget(c1, 0, 31, 30) == 1
        rget(c2, 0, 31, 30) == 0
        ru32(c2, 0x0c) - ru32(c1, 0x0c) == 100_000_000
        ev(b, 2, 31) == 0
        ev(b, 1, 31) != 0
    }

    def "configuration errors: FIFO mode, oversize buffer, bad mkey, activation before config"() {
        given:
        def u = dev.registerUmem(4096)
        int small = Objects2.mkeyFor(dev, u)
        own(dev, true)

        expect:
        status(write(dev, 0x9043, 0x40, [[0, 31, 30]: 1L, [0, 15, 0]: 1L])) == FwStatus.BAD_SYS_STATE
        status(write(dev, 0x9041, 0x80, [[0, 3, 0]: 0L, [8, 31, 0]: (long) small])) == FwStatus.BAD_PARAM
        status(write(dev, 0x9041, 0x80, [[0, 3, 0]: 1L, [4, 7, 0]: 13L, [8, 31, 0]: (long) small])) == FwStatus.BAD_PARAM
        status(write(dev, 0x9041, 0x80, [[0, 3, 0]: 1L, [4, 7, 0]: 1L, [8, 31, 0]: (long) small])) == FwStatus.BAD_PARAM
        status(write(dev, 0x9041, 0x80, [[0, 3, 0]: 1L, [8, 31, 0]: 0x1234L])) == FwStatus.BAD_PARAM
        status(write(dev, 0x9041, 0x80, [[0, 3, 0]: 1L, [4, 7, 0]: 0L, [8, 31, 0]: (long) small])) == 0
        rget(read(dev, 0x9041, 0x80), 8, 31, 0) == small
    }

    def "a string DB update raises STRINGS_DB_UPDATE and the sections change"() {
        given:
        def before = dev.hca().tracer.db().sections[1].length
        dev.drainEvents()

        when:
        dev.faults().stringDbUpdate()

        then:
        dev.drainEvents()*.subType() == [DeviceEvent.STRINGS_DB_UPDATE]
        dev.hca().tracer.db().formats.any { it.text().contains('generation 1') }
        rget(read(dev, 0x9040, 0x80), 0x1c, 23, 0) >= before
    }

    def "CORE_DUMP general writes the dump as trace messages (needs ownership)"() {
        given:
        def other = dev.openHandle()

        expect:
        status(write(other, 0x402e, 0x40, [[0, 7, 0]: 0L])) == FwStatus.BAD_SYS_STATE

        when:
        start()
        clock.advance(Duration.ofMillis(10))
        def o = write(dev, 0x402e, 0x40, [[0, 7, 0]: 0L, [8, 15, 0]: 0x12L])
        def b = buf.buffer()
        def db = dev.hca().tracer.db()
        long first = ev(b, 1, 0)

        then:
        status(o) == 0
        (first & 0xffffffffL) == db.find('dump general info GVMI=0x%04x').pointer()
        (ev(b, 1, 1) & 0xffffffffL) == 0x12
        blockTs(b, 1) > blockTs(b, 0)
    }

    def "closing the owner's handle releases ownership and stops tracing"() {
        given:
        def owner = dev.openHandle()
        start(owner)

        when:
        owner.close()
        clock.advance(Duration.ofMillis(50))

        then:
        dev.hca().tracer.owner() == 0
        !dev.hca().tracer.isActive()
        rget(own(dev, true), 0, 31, 31) == 1
    }

    @spock.lang.Timeout(20)
    def "with the real clock a background ticker writes blocks without any RPC"() {
        given:
        dev = Emulator.builder('cx6dx').personality(Transport.MLX5CTL).set('tracer.blocksPerSecond', '1000').build()
        start()
        def b = buf.buffer()

        when: "wait (bounded) for the ticker to land a few blocks"
        long end = System.nanoTime() + 10_000_000_000L
        while (ev(b, 3, 31) == 0 && System.nanoTime() < end) java.util.concurrent.locks.LockSupport.parkNanos(2_000_000)

        then:
        ((ev(b, 3, 31) >>> 48) & 0xff) == 0xff
        blockTs(b, 2) < blockTs(b, 3)

        cleanup:
        dev.remove()
    }
}
