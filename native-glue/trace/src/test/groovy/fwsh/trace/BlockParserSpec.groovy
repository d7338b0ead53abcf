package fwsh.trace

import spock.lang.Specification

import java.nio.ByteBuffer
import java.nio.ByteOrder

import static fwsh.trace.TraceFixtures.*

class BlockParserSpec extends Specification {

    static final long BASE = 0x1000
    def sink = new Collect()
    def strDb = db(section(BASE, 0x100, [0x10: 'msg %d']))
    def decoder = new TraceDecoder(caps(0, 4), strDb, sink)
    def ring = ByteBuffer.allocateDirect(4 * 256)

    long[] msgBlock(int n, long t) {
        block([str(8, n, 0, (int) (BASE + 0x10)), str(8, n, 1, n)], t)
    }

    def "blocks are consumed while their timestamp grows, and the consumer index advances"() {
        given:
        put(ring, 0, msgBlock(1, 100))
        put(ring, 1, msgBlock(2, 200))

        expect:
        decoder.poll(ring) == 2
        decoder.consumerIndex() == 2
        decoder.lastTimestamp() == 200
        sink.texts() == ['msg 1', 'msg 2']
        decoder.poll(ring) == 0

        when:
        put(ring, 2, msgBlock(3, 300))
        then:
        decoder.poll(ring) == 1
        sink.texts() == ['msg 1', 'msg 2', 'msg 3']
    }

    def "the consumer index wraps at the block count"() {
        given:
        (0..3).each { put(ring, it, msgBlock(it + 1, (it + 1) * 100)) }
        decoder.poll(ring)

        when:
        put(ring, 0, msgBlock(5, 500))
        put(ring, 1, msgBlock(6, 600))

        then:
        decoder.consumerIndex() == 0
        decoder.poll(ring) == 2
        decoder.consumerIndex() == 2
        sink.texts() == ['msg 1', 'msg 2', 'msg 3', 'msg 4', 'msg 5', 'msg 6']
        decoder.stats().overruns == 0
    }

    def "an overrun (previous block rewritten) skips the block, resyncs, and is counted"() {
        given:
        def overruns = []
        decoder.setBlockTap(new BlockParser.Handler() {
            void block(long[] events, int blockIndex, long blockTimestamp) {}
            void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
                overruns << [blockIndex, blockTimestamp, previousBlockTimestamp, lastTimestamp]
            }
        })
        put(ring, 0, msgBlock(1, 100))
        put(ring, 1, msgBlock(2, 200))
        decoder.poll(ring)

        when: "firmware laps the reader: blocks 2,3,0,1 then 2 again"
        put(ring, 2, msgBlock(3, 300)); put(ring, 3, msgBlock(4, 400)); put(ring, 0, msgBlock(5, 500))
        put(ring, 1, msgBlock(6, 600)); put(ring, 2, msgBlock(7, 700))
        int n = decoder.poll(ring)

        then: "block 2 is skipped because block 1 no longer holds the last timestamp; older blocks are not read"
        n == 0
        overruns == [[2, 700L, 600L, 200L]]
        decoder.stats().overruns == 1
        decoder.stats().skippedBlocks == 1
        decoder.stats().skippedEvents() == 32
        decoder.lastTimestamp() == 700
        decoder.consumerIndex() == 3

        when: "the next block written after the resync point is read normally"
        put(ring, 3, msgBlock(8, 800))
        then:
        decoder.poll(ring) == 1
        sink.texts() == ['msg 1', 'msg 2', 'msg 8']
    }

    def "a block whose event 31 is not a timestamp event has timestamp 0 and stops consumption"() {
        given:
        long[] b = msgBlock(1, 100)
        b[31] = filler()
        put(ring, 0, b)

        expect:
        decoder.poll(ring) == 0
        decoder.consumerIndex() == 0
    }

    def "the byte order set on the ByteBuffer does not matter: the ring is big-endian"() {
        given:
        put(ring, 0, msgBlock(1, 100))
        ring.order(ByteOrder.LITTLE_ENDIAN)

        expect:
        decoder.poll(ring) == 1
        sink.texts() == ['msg 1']
    }

    def "a ring smaller than the configured buffer is refused clearly"() {
        when:
        decoder.poll(ByteBuffer.allocate(512))
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message.contains('512 bytes') && ex.message.contains('1024')
    }

    def "blocks from a capture decode offline without the ring logic"() {
        given:
        def off = new TraceDecoder(caps(), strDb, sink)

        when:
        off.decodeBlock(bytes(msgBlock(4, 400)), 0)
        then:
        sink.texts() == ['msg 4']
        off.stats().blocks == 1
        off.stats().events == 32
    }

    def "TraceBlock.timestamp reads event 31 big-endian, 0 when it is not a timestamp event"() {
        given:
        put(ring, 1, msgBlock(1, 0x123456789L))
        byte[] arr = new byte[1024]
        ring.duplicate().get(0, arr)   // copy out (JDK 13+ absolute bulk get)

        expect:
        TraceBlock.timestamp(ring, 256) == 0x123456789L
        TraceBlock.timestamp(ring.order(ByteOrder.LITTLE_ENDIAN), 256) == 0x123456789L
        TraceBlock.timestamp(arr, 256) == 0x123456789L
        TraceBlock.timestamp(arr, 0) == 0
    }
}
