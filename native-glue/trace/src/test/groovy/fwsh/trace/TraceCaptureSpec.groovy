package fwsh.trace

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.ByteBuffer
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.LongSupplier

import static fwsh.trace.TraceFixtures.*

class TraceCaptureSpec extends Specification {

    @TempDir Path dir
    static final long BASE = 0x1000
    def strDb = db(section(BASE, 0x100, [0x10: 'msg %d', 0x20: 'v2 %d']),
                   section(0x9000, 0x40, [0x8: 'second section']))
    def device = [name: 'mlx5_0', pci: '0000:08:00.0', psid: 'MT_0000000008', fw_version: '22.39.1002']
    long now = 1_700_000_000_000_000_000L
    LongSupplier clock = { now += 1000; now } as LongSupplier
    def tcaps = new TracerCaps(1, 8, 16, 4 * 256, 156_250)

    long[] msgBlock(int n, long t, int ptr = (int) (BASE + 0x10)) {
        block([str(8, n, 0, ptr), str(8, n, 1, n)], t)
    }

    /** A capture with: header, DB, 2 blocks, a loss, a DB update, 1 block, end. */
    Path writeSample() {
        Path f = dir.resolve('t.fwtrace')
        def w = new TraceCaptureWriter(Files.newOutputStream(f), device, tcaps, strDb, clock)
        w.block(msgBlock(1, 100), 0, 100)
        w.block(bytes(msgBlock(2, 200)), 0, 1)
        w.overrun(2, 700, 600, 200)
        w.stringDb(db(section(BASE, 0x100, [0x10: 'new %d'])))
        w.block(msgBlock(3, 800), 3, 800)
        w.close()
        f
    }

    def "a capture round-trips: identity, caps, string DB, blocks with host times, loss, DB update, end"() {
        given:
        Path f = writeSample()

        when:
        def c = TraceCaptureReader.readAll(f)

        then:
        c.error() == null
        c.complete()
        c.header().device() == device
        c.header().device().keySet() as List == ['name', 'pci', 'psid', 'fw_version']
        c.header().caps() == tcaps
        c.header().startNanos() == 1_700_000_000_000_001_000L
        c.records()*.class*.simpleName == ['StringDbRecord', 'Block', 'Block', 'Loss', 'StringDbRecord', 'Block', 'End']
        (c.records()[0] as CaptureRecord.StringDbRecord).db() == strDb
        (c.records()[1] as CaptureRecord.Block).data() == bytes(msgBlock(1, 100))
        (c.records()[1] as CaptureRecord.Block).hostNanos() == 1_700_000_000_000_003_000L
        (c.records()[2] as CaptureRecord.Block).blockIndex() == 1
        (c.records()[3] as CaptureRecord.Loss).blockIndex() == 2
        (c.records()[3] as CaptureRecord.Loss).previousBlockTimestamp() == 600
        (c.records()[6] as CaptureRecord.End).blocks() == 3
        (c.records()[6] as CaptureRecord.End).overruns() == 1
    }

    def "offline decode switches string DBs where the capture did and counts recorded losses"() {
        given:
        def sink = new Collect()

        when:
        def r = TraceCaptureReader.open(writeSample())
        def stats = r.decode(sink)

        then:
        sink.texts() == ['msg 1', 'msg 2', 'new 3']
        stats.overruns == 1
        stats.skippedBlocks == 1
        stats.blocks == 3
        r.error() == null
    }

    def "capturing as the decoder's block tap gives the same messages offline as live"() {
        given:
        Path f = dir.resolve('live.fwtrace')
        def live = new Collect()
        def decoder = new TraceDecoder(tcaps, strDb, live)
        def w = new TraceCaptureWriter(Files.newOutputStream(f), device, tcaps, strDb, clock)
        decoder.setBlockTap(w)
        def ring = ByteBuffer.allocate(4 * 256)

        when: "the firmware writes 6 blocks, the reader polls twice, wrapping the ring"
        (0..3).each { put(ring, it, msgBlock(it, (it + 1) * 100)) }
        decoder.poll(ring)
        (4..5).each { put(ring, it % 4, msgBlock(it, (it + 1) * 100)) }
        decoder.poll(ring)
        w.close()
        def offline = new Collect()
        TraceCaptureReader.open(f).decode(offline)

        then:
        live.texts() == (0..5).collect { "msg $it".toString() }
        offline.records == live.records
        w.blocks() == 6
    }

    def "a capture cut in the middle of a record returns the records before it and one truncation line"() {
        given:
        Path f = writeSample()
        byte[] all = Files.readAllBytes(f)
        def full = TraceCaptureReader.readAll(f)
        long cutRecord = full.records()[2].offset()        // the second block record
        Files.write(f, Arrays.copyOf(all, (int) cutRecord + 100))

        when:
        def c = TraceCaptureReader.readAll(f)

        then:
        c.records().size() == 2
        c.records()*.class*.simpleName == ['StringDbRecord', 'Block']
        !c.complete()
        c.error() == "$f: at byte offset $cutRecord: truncated record: type 3 declares 268 payload bytes, only 92 present".toString()
    }

    def "a cut inside the record header or the checksum is named as such"() {
        given:
        Path f = writeSample()
        byte[] all = Files.readAllBytes(f)
        long at = TraceCaptureReader.readAll(f).records()[2].offset()

        when:
        Files.write(f, Arrays.copyOf(all, (int) at + 3))
        then:
        TraceCaptureReader.readAll(f).error().endsWith("at byte offset $at: truncated record: 3 of 8 header bytes")

        when:
        Files.write(f, Arrays.copyOf(all, (int) at + 8 + 268 + 1))
        then:
        TraceCaptureReader.readAll(f).error().endsWith("at byte offset $at: truncated record: type 3 is missing 3 of its 4 checksum bytes")
    }

    def "a capture that stops between records is incomplete but not an error"() {
        given:
        Path f = writeSample()
        byte[] all = Files.readAllBytes(f)
        def full = TraceCaptureReader.readAll(f)
        Files.write(f, Arrays.copyOf(all, (int) full.records()[3].offset()))

        when:
        def c = TraceCaptureReader.readAll(f)

        then:
        c.error() == null
        !c.complete()
        c.records().size() == 3
    }

    def "a flipped payload byte is a checksum mismatch at that record's offset; the records after it are still read"() {
        given:
        Path f = writeSample()
        byte[] all = Files.readAllBytes(f)
        def full = TraceCaptureReader.readAll(f)
        long at = full.records()[5].offset()  // the block after the DB update
        long end = full.records()[6].offset()
        all[(int) at + 8 + 20] ^= 0x40
        Files.write(f, all)

        when:
        def c = TraceCaptureReader.readAll(f)

        then:
        c.records()*.class*.simpleName == ['StringDbRecord', 'Block', 'Block', 'Loss', 'StringDbRecord', 'End']
        c.complete()
        c.errors().size() == 1
        c.error() ==~ /.*at byte offset $at: checksum mismatch: record type 3 of 268 bytes has CRC32 0x[0-9a-f]{8} stored, 0x[0-9a-f]{8} computed; skipped ${end - at} bytes to the next intact record at byte offset $end/
    }

    def "damage in the middle costs only the damaged records: reading resumes at the next record whose length and CRC check"() {
        given: "garbage written over the first block's header, and 37 stray bytes between the loss and the DB update"
        Path f = writeSample()
        def full = TraceCaptureReader.readAll(f)
        byte[] all = Files.readAllBytes(f)
        long block1 = full.records()[1].offset()
        long block2 = full.records()[2].offset()
        long update = full.records()[4].offset()
        (0..7).each { all[(int) block1 + it] = (byte) 0x5a }
        def out = new ByteArrayOutputStream()
        out.write(all, 0, (int) update)
        out.write(new byte[37].collect { (byte) 0x03 } as byte[])           // looks like a block type, nothing more
        out.write(all, (int) update, all.length - (int) update)
        Files.write(f, out.toByteArray())

        when:
        def c = TraceCaptureReader.readAll(f)
        def sink = new Collect()
        def r = TraceCaptureReader.open(f)
        def stats = r.decode(sink)

        then: "every intact record is there, in order, and the file is complete"
        c.records()*.class*.simpleName == ['StringDbRecord', 'Block', 'Loss', 'StringDbRecord', 'Block', 'End']
        (c.records()[1] as CaptureRecord.Block).data() == bytes(msgBlock(2, 200))
        c.complete()

        and: "each damaged stretch is one line with its offset and where reading resumed"
        c.errors().size() == 2
        c.errors()[0] == "$f: at byte offset $block1: unknown record type 90 (corrupt file, or written by a newer fwsh); skipped ${block2 - block1} bytes to the next intact record at byte offset $block2".toString()
        c.errors()[1] ==~ /.*at byte offset $update: .*; skipped 37 bytes to the next intact record at byte offset ${update + 37}/
        c.error() == c.errors()[0]

        and: "decoding prints what the intact blocks hold"
        sink.texts() == ['msg 2', 'new 3']
        stats.blocks == 2
        r.skipped() == 2
    }

    def "a corrupt length that points past the end of the file is named as such when intact records follow"() {
        given:
        Path f = writeSample()
        def full = TraceCaptureReader.readAll(f)
        byte[] all = Files.readAllBytes(f)
        long at = full.records()[2].offset()
        ByteBuffer.wrap(all).putInt((int) at + 4, 1_000_000)
        Files.write(f, all)

        when:
        def c = TraceCaptureReader.readAll(f)

        then:
        c.records().size() == 6
        c.complete()
        c.error() == "$f: at byte offset $at: type 3 declares 1000000 payload bytes, more than the file holds (corrupt length); skipped 280 bytes to the next intact record at byte offset ${at + 280}".toString()
    }

    def "bad magic, unsupported version and unknown record types are refused with their offset"() {
        given:
        Path f = writeSample()
        byte[] good = Files.readAllBytes(f)

        when:
        Files.write(f, 'hello world, not a capture'.bytes)
        def c = TraceCaptureReader.readAll(f)
        then:
        c.header() == null
        c.records().isEmpty()
        c.error() == "$f: at byte offset 0: bad magic: not a fwsh trace capture (expected \"FWSHTRC\\n\", found 0x68656c6c6f20776f)".toString()

        when:
        byte[] v = good.clone(); v[9] = 7
        Files.write(f, v)
        then:
        TraceCaptureReader.readAll(f).error() == "$f: at byte offset 8: unsupported capture version 7 (this fwsh reads version 1); use a newer fwsh".toString()

        when:
        byte[] t = good.clone()
        long at = TraceCaptureReader.readAll(writeSample()).records()[1].offset()
        t[(int) at] = 9
        Files.write(f, t)
        c = TraceCaptureReader.readAll(f)
        then:
        c.records().size() == 6
        c.error().endsWith("at byte offset $at: unknown record type 9 (corrupt file, or written by a newer fwsh); skipped 280 bytes to the next intact record at byte offset ${at + 280}")

        when:
        Files.write(f, new byte[0])
        then:
        TraceCaptureReader.readAll(f).error().endsWith('at byte offset 0: bad magic: not a fwsh trace capture (expected "FWSHTRC\\n", found an empty file)')

        when:
        Files.write(f, Arrays.copyOf(good, 12))
        then:
        TraceCaptureReader.readAll(f).error().endsWith('at byte offset 12: truncated file: no header record after the file header')
    }

    def "decoding a capture without a header says why"() {
        given:
        Path f = dir.resolve('x')
        Files.write(f, 'junk'.bytes)

        when:
        TraceCaptureReader.open(f).decode(new Collect())
        then:
        def ex = thrown(IllegalStateException)
        ex.message.contains('bad magic')
    }

    def "each record is on disk as soon as it is written: a capture that was never closed is readable"() {
        given:
        Path f = dir.resolve('open.fwtrace')
        def w = new TraceCaptureWriter(Files.newOutputStream(f), device, tcaps, strDb, clock)

        when:
        w.block(msgBlock(1, 100), 0, 100)
        w.block(msgBlock(2, 200), 1, 200)
        def c = TraceCaptureReader.readAll(f)

        then:
        c.error() == null
        !c.complete()
        c.records()*.class*.simpleName == ['StringDbRecord', 'Block', 'Block']

        cleanup:
        w.close()
    }

    def "writing after close is refused"() {
        given:
        def w = new TraceCaptureWriter(new ByteArrayOutputStream(), [:], tcaps, strDb, clock)
        w.close()

        when:
        w.block(msgBlock(1, 100), 0, 100)
        then:
        def ex = thrown(IllegalStateException)
        ex.message == 'trace capture is closed'
    }
}
