package fwsh.trace;

import java.nio.ByteBuffer;

/** The trace ring's unit: 256 bytes = 32 events, the last of which is the block's timestamp event. */
public final class TraceBlock {
    public static final int SIZE = 256;
    public static final int EVENTS = 32;
    /** Byte offset of event 31, the block timestamp event. */
    public static final int TIMESTAMP_OFFSET = (EVENTS - 1) * TracerEvent.SIZE;

    private TraceBlock() {}

    /**
     * The block's timestamp as the driver reads it: 0 when event 31 is not a timestamp event. The ring is
     * big-endian whatever byte order is set on {@code buf}.
     */
    public static long timestamp(ByteBuffer buf, int blockOffset) {
        long e = buf.getLong(blockOffset + TIMESTAMP_OFFSET);
        if (buf.order() != java.nio.ByteOrder.BIG_ENDIAN) e = Long.reverseBytes(e);
        return TracerEvent.eventId(e) == TracerEvent.TIMESTAMP_EVENT_ID ? TracerEvent.timestamp(e) : 0;
    }

    /** Same, for a block held in a byte array. */
    public static long timestamp(byte[] buf, int blockOffset) {
        long e = fwsh.wire.Bits.u64(buf, blockOffset + TIMESTAMP_OFFSET);
        return TracerEvent.eventId(e) == TracerEvent.TIMESTAMP_EVENT_ID ? TracerEvent.timestamp(e) : 0;
    }

    /** Writes 32 events as block {@code blockIndex} of a ring, big-endian (for emulators and tests). */
    public static void write(ByteBuffer ring, int blockIndex, long[] events) {
        if (events.length != EVENTS) throw new IllegalArgumentException("a trace block has 32 events, got " + events.length);
        int base = blockIndex * SIZE;
        if (blockIndex < 0 || base + SIZE > ring.capacity())
            throw new IllegalArgumentException("block " + blockIndex + " is outside a ring of " + ring.capacity() + " bytes");
        boolean swap = ring.order() != java.nio.ByteOrder.BIG_ENDIAN;
        for (int i = 0; i < EVENTS; i++) ring.putLong(base + i * TracerEvent.SIZE, swap ? Long.reverseBytes(events[i]) : events[i]);
    }
}
