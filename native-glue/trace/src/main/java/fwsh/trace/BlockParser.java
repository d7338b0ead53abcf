package fwsh.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Walks the trace ring as the driver does ({@code mlx5_fw_tracer_handle_traces}): blocks of 256 bytes, event 31
 * of each being the block timestamp; blocks are consumed while their timestamp is greater than the last one
 * handled, and the consumer index advances as {@code (ci + 1) & (count - 1)}.
 *
 * <p>Overrun: before a block (except the first after a start), the timestamp of the previous block in the ring
 * is compared with the last one handled; if they differ the firmware has lapped the reader, so the block is
 * skipped and the reader resyncs on it. Unlike the driver, which only logs "Events were lost", every overrun
 * and skipped block is counted and reported to the handler. The driver then waits for the next event; this
 * parser simply goes on, which is what the next event would do.
 *
 * <p>Each block is copied into a local array before it is read (the firmware may rewrite it meanwhile), then
 * handed to the handler as 32 big-endian events. Works directly on the umem ByteBuffer (any byte order set on
 * it is ignored: the ring is big-endian). Not thread-safe.
 */
public final class BlockParser {

    /** Receives consumed blocks and overruns. */
    public interface Handler {
        /** A block to decode: {@code events[0..31]}, event 31 being its timestamp event. The array is reused. */
        void block(long[] events, int blockIndex, long blockTimestamp);

        /** An overrun was detected and block {@code blockIndex} skipped. */
        default void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {}
    }

    private final int blockCount;
    private final TraceStats stats;
    private final long[] events = new long[TraceBlock.EVENTS];
    private int consumerIndex;
    private long lastTimestamp;

    public BlockParser(TracerCaps caps, TraceStats stats) {
        this.blockCount = caps.blockCount();
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    /** Restart from block 0 with no last timestamp, as after (re)arming the tracer (MTRC_CONF + MTRC_CTRL). */
    public void reset() {
        consumerIndex = 0;
        lastTimestamp = 0;
    }

    public int consumerIndex() { return consumerIndex; }
    public long lastTimestamp() { return lastTimestamp; }

    /** Consumes every new block of {@code ring} (index 0 = start of the trace buffer). Returns blocks handed over. */
    public int poll(ByteBuffer ring, Handler handler) {
        int need = blockCount * TraceBlock.SIZE;
        if (ring.capacity() < need) {
            throw new IllegalArgumentException("trace buffer has " + ring.capacity() + " bytes but the tracer was set up for "
                    + need + " (" + blockCount + " blocks of 256 bytes)");
        }
        boolean swap = ring.order() != ByteOrder.BIG_ENDIAN;
        int mask = blockCount - 1;
        int handled = 0;
        copy(ring, consumerIndex, swap);
        long ts = blockTimestamp(events[TraceBlock.EVENTS - 1]);
        while (ts > lastTimestamp) {
            if (lastTimestamp != 0) {
                int prev = (consumerIndex - 1) & mask;
                long prevTs = blockTimestamp(read(ring, prev * TraceBlock.SIZE + TraceBlock.TIMESTAMP_OFFSET, swap));
                if (prevTs != lastTimestamp) {
                    stats.overruns++;
                    stats.skippedBlocks++;
                    handler.overrun(consumerIndex, ts, prevTs, lastTimestamp);
                    lastTimestamp = ts;
                    consumerIndex = (consumerIndex + 1) & mask;
                    copy(ring, consumerIndex, swap);
                    ts = blockTimestamp(events[TraceBlock.EVENTS - 1]);
                    continue;
                }
            }
            stats.blocks++;
            handler.block(events, consumerIndex, ts);
            handled++;
            consumerIndex = (consumerIndex + 1) & mask;
            lastTimestamp = ts;
            copy(ring, consumerIndex, swap);
            ts = blockTimestamp(events[TraceBlock.EVENTS - 1]);
        }
        return handled;
    }

    private void copy(ByteBuffer ring, int block, boolean swap) {
        int base = block * TraceBlock.SIZE;
        long[] ev = events;
        for (int i = 0; i < TraceBlock.EVENTS; i++) ev[i] = read(ring, base + i * TracerEvent.SIZE, swap);
    }

    private static long read(ByteBuffer ring, int offset, boolean swap) {
        long v = ring.getLong(offset);
        return swap ? Long.reverseBytes(v) : v;
    }

    /** get_block_timestamp: the timestamp of a timestamp event, 0 for any other event. */
    static long blockTimestamp(long e) {
        return TracerEvent.eventId(e) == TracerEvent.TIMESTAMP_EVENT_ID ? TracerEvent.timestamp(e) : 0;
    }
}
