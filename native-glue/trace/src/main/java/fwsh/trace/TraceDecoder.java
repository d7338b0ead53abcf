package fwsh.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The decoder the DSL drives: a {@link BlockParser} over the trace ring feeding a {@link MessageAssembler}.
 * <pre>
 *   TraceDecoder d = new TraceDecoder(caps, db, sink);
 *   while (tailing) { d.poll(umemBuffer); wait for the next TRACES_AVAILABLE or a poll interval; }
 * </pre>
 * A {@link BlockParser.Handler} set with {@link #setBlockTap} sees every consumed block and overrun
 * before it is decoded (this is how a capture is written). Not thread-safe: one thread polls.
 */
public final class TraceDecoder {

    private final TracerCaps caps;
    private final TraceStats stats = new TraceStats();
    private final MessageAssembler assembler;
    private final BlockParser parser;
    private BlockParser.Handler tap;
    private final long[] scratch = new long[TraceBlock.EVENTS];

    private final BlockParser.Handler handler = new BlockParser.Handler() {
        @Override public void block(long[] events, int blockIndex, long blockTimestamp) {
            if (tap != null) tap.block(events, blockIndex, blockTimestamp);
            for (long e : events) assembler.onEvent(e);
        }

        @Override public void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
            if (tap != null) tap.overrun(blockIndex, blockTimestamp, previousBlockTimestamp, lastTimestamp);
        }
    };

    public TraceDecoder(TracerCaps caps, StringDb db, TraceSink sink) {
        this.caps = Objects.requireNonNull(caps, "caps");
        this.assembler = new MessageAssembler(caps, db, sink, stats);
        this.parser = new BlockParser(caps, stats);
    }

    public TracerCaps caps() { return caps; }
    public TraceStats stats() { return stats; }
    public StringDb stringDb() { return assembler.stringDb(); }

    /** Sees every block consumed from the ring (and overruns) before it is decoded; null to remove. */
    public void setBlockTap(BlockParser.Handler tap) { this.tap = tap; }

    /** Decodes every new block of the ring; returns the number of blocks decoded. */
    public int poll(ByteBuffer ring) {
        return parser.poll(ring, handler);
    }

    /** Same, for a ring copied into a byte array. */
    public int poll(byte[] ring) {
        return parser.poll(ByteBuffer.wrap(ring), handler);
    }

    /** Decodes one block taken out of the ring earlier (offline decode of a capture). */
    public void decodeBlock(byte[] block, int offset) {
        if (offset < 0 || block.length - offset < TraceBlock.SIZE) {
            throw new IllegalArgumentException("a trace block is 256 bytes; " + Math.max(0, block.length - offset)
                    + " bytes available at offset " + offset);
        }
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < TraceBlock.EVENTS; i++) scratch[i] = b.getLong(offset + i * TracerEvent.SIZE);
        decodeBlock(scratch);
    }

    /** Decodes one block given as its 32 events. */
    public void decodeBlock(long[] events) {
        if (events.length != TraceBlock.EVENTS) {
            throw new IllegalArgumentException("a trace block has 32 events, got " + events.length);
        }
        stats.blocks++;
        for (long e : events) assembler.onEvent(e);
    }

    /** Decodes a single event (FIFO-style sources, tests). */
    public void decodeEvent(long event) {
        assembler.onEvent(event);
    }

    /** A STRINGS_DB_UPDATE: decode further events with {@code db}; unfinished messages are dropped and counted. */
    public void setStringDb(StringDb db) {
        assembler.setStringDb(db);
    }

    /** Restart ring consumption at block 0 (after re-arming the tracer). */
    public void resetRing() { parser.reset(); }

    public int consumerIndex() { return parser.consumerIndex(); }
    public long lastTimestamp() { return parser.lastTimestamp(); }
    /** Messages assembled but not yet flushed by a timestamp event. */
    public int pendingMessages() { return assembler.pending(); }
}
