package fwsh.trace;

/**
 * Counters of one decode. Plain longs written by the decoding thread; read them from that thread or after it
 * stopped (a snapshot with {@link #copy()}).
 */
public final class TraceStats {
    /** Every event looked at (string, timestamp and unrecognised). */
    public long events;
    public long stringEvents;
    public long timestampEvents;
    /** Timestamp events flagged unreliable (urts), which do not flush messages. */
    public long unreliableTimestamps;
    /** Events whose event_id is neither 0xFF nor in the string-trace range. */
    public long unrecognizedEvents;
    /** Events that carry the firmware's lost flag (the firmware dropped events before them). */
    public long lostFlagEvents;
    /** Messages delivered to the sink (formatted, raw and BAD_FORMAT). */
    public long messages;
    /** Messages printed raw: pointer in no string-DB section, or a parameter for an unknown (event_id, tmsn). */
    public long rawMessages;
    /** Messages printed as BAD_FORMAT. */
    public long badFormats;
    /** Parameter events for an unknown (event_id, tmsn) (each is also a raw message). */
    public long unknownTmsn;
    /** Incomplete messages thrown away (string-DB reload, or too many pending). */
    public long droppedPending;
    /** Blocks decoded from the ring or a capture. */
    public long blocks;
    /** Times the ring was overrun (the previous block's timestamp no longer matched). */
    public long overruns;
    /** Blocks skipped because of overruns; their events are lost (blocks overwritten before that are not countable). */
    public long skippedBlocks;

    /** Events in skipped blocks. */
    public long skippedEvents() { return skippedBlocks * TraceBlock.EVENTS; }

    public TraceStats copy() {
        TraceStats c = new TraceStats();
        c.events = events; c.stringEvents = stringEvents; c.timestampEvents = timestampEvents;
        c.unreliableTimestamps = unreliableTimestamps; c.unrecognizedEvents = unrecognizedEvents;
        c.lostFlagEvents = lostFlagEvents; c.messages = messages; c.rawMessages = rawMessages;
        c.badFormats = badFormats; c.unknownTmsn = unknownTmsn; c.droppedPending = droppedPending;
        c.blocks = blocks; c.overruns = overruns; c.skippedBlocks = skippedBlocks;
        return c;
    }

    /** One line summary for the end of a tail or decode. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("events ").append(events).append(", messages ").append(messages)
          .append(", lost-flag events ").append(lostFlagEvents)
          .append(", overruns ").append(overruns).append(" (").append(skippedBlocks).append(" blocks, ")
          .append(skippedEvents()).append(" events skipped)")
          .append(", raw ").append(rawMessages).append(", bad formats ").append(badFormats);
        if (unreliableTimestamps > 0) sb.append(", unreliable timestamps ").append(unreliableTimestamps);
        if (droppedPending > 0) sb.append(", incomplete messages dropped ").append(droppedPending);
        return sb.toString();
    }

    @Override public String toString() { return "TraceStats[" + summary() + "]"; }
}
