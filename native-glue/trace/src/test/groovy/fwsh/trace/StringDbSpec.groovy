package fwsh.trace

import spock.lang.Specification

import java.nio.ByteBuffer
import java.nio.ByteOrder

import static fwsh.trace.TraceFixtures.*

class StringDbSpec extends Specification {

    def "the MTRC_STDB read plan is the driver's: 256-byte reads, then 64-byte reads, a sub-64 tail unread"() {
        expect:
        StringDb.readPlan(2, 0x1E0 + 10) == [
                new StringDb.StdbRead(2, 0, 256),
                new StringDb.StdbRead(2, 256, 64),
                new StringDb.StdbRead(2, 320, 64),
                new StringDb.StdbRead(2, 384, 64)]
        StringDb.readPlan(0, 0).isEmpty()
    }

    def "load reads every section of MTRC_CAP through the reader"() {
        given: "two sections; the device's DB bytes are the offset's low byte"
        def cap = new MtrcCap(false, true, 0, 2, 8, 16, 6, [0x1000L, 0x8000L] as long[], [0x140, 0x40] as int[])
        def reads = []
        def reader = { int idx, int off, int size ->
            reads << [idx, off, size]
            byte[] b = new byte[size]
            for (int i = 0; i < size; i++) b[i] = (byte) (off + i + idx)
            b
        } as StringDb.StdbReader

        when:
        def db = StringDb.load(cap, reader)

        then:
        reads == [[0, 0, 256], [0, 256, 64], [1, 0, 64]]
        db.sections()*.base() == [0x1000L, 0x8000L]
        db.section(0).bytes()[0x13f] == (byte) 0x3f
        db.section(1).bytes()[5] == (byte) 6
    }

    def "a short MTRC_STDB reply is reported with the section and offset"() {
        given:
        def cap = new MtrcCap(false, true, 0, 1, 8, 16, 6, [0x1000L] as long[], [0x100] as int[])

        when:
        StringDb.load(cap, { i, o, s -> new byte[10] } as StringDb.StdbReader)

        then:
        def ex = thrown(TraceException)
        ex.message == 'MTRC_STDB read of section 0 at offset 0 returned 10 bytes, expected 256'
    }

    def "format strings are NUL-terminated, cut at the section end, and looked up strictly"() {
        given:
        def db = db(section(0x100, 0x20, [0x4: 'abc', 0x1c: 'tail']), section(0x200, 0, [:]))

        expect:
        db.formatAt(0x104) == 'abc'
        db.formatAt(0x105) == 'bc'
        db.formatAt(0x11c) == 'tail'
        db.formatAt(0x100) == null     // base itself: strict
        db.formatAt(0x120) == null     // base + size
        db.formatAt(0x200) == null     // empty section
        db.formatAt(0xFFFFFFFF as int) == null
        db.sectionOf(0x11f) == 0
    }

    def "a section whose bytes do not match its size is refused"() {
        when:
        new StringDb.Section(0x100, 0x20, new byte[4])
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message == 'string DB section at 0x100 has 4 bytes but its size is 32'
    }

    def "TraceBlock.write lays events big-endian whatever the buffer's order"() {
        given:
        def ring = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN)
        long[] b = block([str(8, 1, 0, 0x1234)], 0x999)

        when:
        TraceBlock.write(ring, 1, b)

        then:
        ring.order(ByteOrder.BIG_ENDIAN).getLong(256) == b[0]
        TraceBlock.timestamp(ring, 256) == 0x999

        when:
        TraceBlock.write(ring, 2, b)
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message == 'block 2 is outside a ring of 512 bytes'
    }
}
