package fwsh.trace

import java.nio.ByteBuffer

/** Hand-built events, blocks, rings and string DBs for the trace specs. */
class TraceFixtures {

    /** Caps used by most specs: string event ids 8..24 (first 8, num 16), trc_ver 0, a 4-block ring. */
    static TracerCaps caps(int trcVer = 0, int blocks = 4) {
        new TracerCaps(trcVer, 8, 16, blocks * TraceBlock.SIZE, 0)
    }

    /** An event_id outside the string range and not 0xFF: ignored by the driver. */
    static final int FILLER_ID = 0x02

    static long str(int id, int tmsn, int tdsn, int param, int ts7 = 0, boolean lost = false) {
        TracerEvent.encodeString(lost, ts7, id, tmsn, tdsn, param)
    }

    static long ts(long t, int urts = 0) { TracerEvent.encodeTimestamp(t, urts) }

    static long filler() { (((long) FILLER_ID) << 48) }

    /** A block: the given events, filler up to event 30, and a timestamp event at 31. */
    static long[] block(List<Long> events, long timestamp, int urts = 0) {
        assert events.size() <= 31
        long[] b = new long[32]
        for (int i = 0; i < 31; i++) b[i] = i < events.size() ? events[i] : filler()
        b[31] = ts(timestamp, urts)
        b
    }

    static byte[] bytes(long[] block) {
        ByteBuffer bb = ByteBuffer.allocate(TraceBlock.SIZE)
        block.each { bb.putLong(it) }
        bb.array()
    }

    /** Writes a block into a ring at the given block index. */
    static void put(ByteBuffer ring, int index, long[] block) {
        for (int i = 0; i < 32; i++) ring.putLong(index * TraceBlock.SIZE + i * 8, block[i])
    }

    /** A string DB section with strings at given offsets. */
    static StringDb.Section section(long base, int size, Map<Integer, String> strings) {
        byte[] b = new byte[size]
        strings.each { off, s ->
            byte[] sb = s.getBytes('UTF-8')
            System.arraycopy(sb, 0, b, off, sb.length)
        }
        new StringDb.Section(base, size, b)
    }

    static StringDb db(StringDb.Section... sections) { new StringDb(sections as List) }

    /** A sink collecting records. */
    static class Collect implements TraceSink {
        List<TraceRecord> records = []
        List<TraceMessage.Kind> kinds = []
        void onMessage(TraceMessage m) { records << m.toRecord(); kinds << m.kind() }
        List<String> texts() { records*.message }
    }
}
