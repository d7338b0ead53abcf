package fwsh.dsl.trace;

import fwsh.trace.TraceStats;

import java.nio.file.Path;
import java.util.Map;

/**
 * One start..stop of a device's firmware trace: the memory-mode tracer ({@link MemoryTrace}) or, on fwctl, the
 * kernel's tracepoint in tracefs ({@link TracefsTrace}). Polls are serialized; {@link #close} may come from any
 * thread (the session closing, a shutdown) and never waits long for a poll that is running user code.
 */
interface TraceSession extends AutoCloseable {
    /** Decodes what arrived since the last poll and hands the messages to {@code d}. Does nothing once ended. */
    void poll(Delivery d);

    /** Everything decoded so far. */
    TraceStats stats();

    /** Set once the device went away under the session: why; null while it is there. */
    String goneMessage();

    /** Messages lost when the device went away (started but not completed). */
    long lostAtEnd();

    /** True once {@link #close} ran: nothing more is polled. */
    boolean isClosed();

    /**
     * Starts writing the raw blocks to {@code file} (CAPTURE-FORMAT.md) with the device's identity; one capture at a
     * time. Where there are no raw blocks (tracefs) it refuses with one line.
     */
    CaptureFile capture(Path file, Map<String, String> identity, long deviceFrequencyKHz);

    /** Stops writing to {@code capture} and finishes the file (end record); idempotent. */
    void endCapture(CaptureFile capture);

    /** This session's part of {@code dev.tracer.status()}. */
    void describe(Map<String, Object> status);

    /** Stops tracing and releases what the device holds for it; idempotent. */
    @Override
    void close();

    /** What the session decoded since {@code base} (all of it when null) and why it ended. */
    default TraceSummary summary(TraceStats base, long shown, String ended) {
        TraceStats s = stats().copy();
        if (base != null) subtract(s, base);
        else shown = s.messages;
        return TraceSummary.of(s, shown, lostAtEnd(), ended, null);
    }

    private static void subtract(TraceStats s, TraceStats b) {
        s.events -= b.events; s.stringEvents -= b.stringEvents; s.timestampEvents -= b.timestampEvents;
        s.unreliableTimestamps -= b.unreliableTimestamps; s.unrecognizedEvents -= b.unrecognizedEvents;
        s.lostFlagEvents -= b.lostFlagEvents; s.messages -= b.messages; s.rawMessages -= b.rawMessages;
        s.badFormats -= b.badFormats; s.unknownTmsn -= b.unknownTmsn; s.droppedPending -= b.droppedPending;
        s.blocks -= b.blocks; s.overruns -= b.overruns; s.skippedBlocks -= b.skippedBlocks;
    }
}
