package fwsh.dsl.trace;

import fwsh.trace.TraceStats;

/**
 * What a tail, capture, stop or offline decode did.
 *
 * @param events         trace events looked at
 * @param messages       messages decoded
 * @param shown          messages that passed the filters and were printed or handed to the closure
 * @param lost           events known lost: in blocks skipped after an overrun, plus incomplete messages dropped
 * @param overruns       times the firmware lapped the reader
 * @param lostFlagEvents events carrying the firmware's own lost flag
 * @param badFormats     messages printed as BAD_FORMAT
 * @param raw            messages printed raw (pointer in no string-DB section, unknown sequence number)
 * @param blocks         256-byte blocks decoded
 * @param ended          why it ended: "for", "count", "interrupted", "device removed", "stopped", "end of file",
 *                       "unreadable file" (not a capture, or damaged before its header record)...
 * @param error          null, or the one line saying what went wrong (a damaged capture: file and byte offset of
 *                       the first damage; every damaged place was printed on stderr as it was read)
 * @param damagedRecords damaged records of a capture file that were skipped (each a stretch of bytes up to the next
 *                       intact record); 0 for an intact file and for live tracing
 */
public record TraceSummary(long events, long messages, long shown, long lost, long overruns, long lostFlagEvents,
                           long badFormats, long raw, long blocks, String ended, String error, long damagedRecords) {

    /** A summary of live tracing or of an intact file (no damaged records). */
    public TraceSummary(long events, long messages, long shown, long lost, long overruns, long lostFlagEvents,
                        long badFormats, long raw, long blocks, String ended, String error) {
        this(events, messages, shown, lost, overruns, lostFlagEvents, badFormats, raw, blocks, ended, error, 0);
    }

    /** From the decoder's stats; {@code extraLost} adds messages lost outside the ring (device removal). */
    static TraceSummary of(TraceStats s, long shown, long extraLost, String ended, String error) {
        return of(s, shown, extraLost, ended, error, 0);
    }

    static TraceSummary of(TraceStats s, long shown, long extraLost, String ended, String error, long damagedRecords) {
        return new TraceSummary(s.events, s.messages, shown, s.skippedEvents() + s.droppedPending + extraLost, s.overruns,
                s.lostFlagEvents, s.badFormats, s.rawMessages, s.blocks, ended, error, damagedRecords);
    }

    /** True when the capture file was damaged: some records were skipped, or nothing could be decoded. */
    public boolean damaged() {
        return damagedRecords > 0 || error != null;
    }

    /** One line: {@code trace: 640 events, 200 messages (200 shown), lost 0 events (0 overruns), ... ended: for}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("trace: ");
        sb.append(events).append(" events, ").append(messages).append(" messages (").append(shown).append(" shown), lost ")
          .append(lost).append(" events (").append(overruns).append(overruns == 1 ? " overrun" : " overruns").append(")");
        if (lostFlagEvents > 0) sb.append(", ").append(lostFlagEvents).append(" lost-flag events");
        sb.append(", ").append(badFormats).append(" bad formats");
        if (raw > 0) sb.append(", ").append(raw).append(" raw");
        sb.append("; ended: ").append(ended);
        // the error lines themselves were printed on stderr as the file was read
        if (damagedRecords > 0) sb.append("; damaged file: ").append(damagedRecords).append(" damaged record")
                .append(damagedRecords == 1 ? "" : "s").append(" skipped");
        return sb.toString();
    }
}
