package fwsh.trace;

import fwsh.text.JsonString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints decoded messages as lines:
 * <ul>
 * <li>{@link Style#TRACEPOINT}: the kernel's mlx5_fw tracepoint text {@code [0x<ts>] <lost> [0x<event_id>] <msg>}
 *     (optionally prefixed with the device name, as the tracepoint does), or with {@link #realTimestamps}
 *     {@code [hh:mm:ss:nnnnnnnnn] <lost> [0x<event_id>] <msg>} like mstfwtrace --real_ts;</li>
 * <li>{@link Style#JSON}: {@code {"ts":..,"lost":..,"event_id":..,"msg":".."}} per line (plus "time" with real
 *     timestamps and "dev" with a device name).</li>
 * </ul>
 * Filters: a set of event ids and a regex searched in the message text. Counters of lines, filtered messages,
 * lost-flagged, raw and BAD_FORMAT messages. Reuses its buffers: no String.format, no per-line allocation
 * beyond what the Appendable does. Not thread-safe.
 */
public final class TraceFormatter implements TraceSink {

    public enum Style { TRACEPOINT, JSON }

    private final Appendable out;
    private Style style = Style.TRACEPOINT;
    private String device;
    private RealTimestamp realTs;
    private BitSet eventIds;
    private Matcher matcher;
    private final StringBuilder msg = new StringBuilder(128);
    private final StringBuilder line = new StringBuilder(192);
    private final char[] scratch = new char[24];

    private long lines, filtered, lostMessages, rawMessages, badFormats;

    public TraceFormatter(Appendable out) {
        this.out = Objects.requireNonNull(out, "output");
    }

    public TraceFormatter style(Style s) { this.style = Objects.requireNonNull(s); return this; }

    /** Prefix each tracepoint line with the device name (the tracepoint's dev_name), null for none. */
    public TraceFormatter device(String name) { this.device = name; return this; }

    /** Print real time instead of the raw device timestamp; null to turn off. */
    public TraceFormatter realTimestamps(RealTimestamp rt) { this.realTs = rt; return this; }

    /** Keep only these event ids (null or empty: all). */
    public TraceFormatter eventIds(int... ids) {
        if (ids == null || ids.length == 0) { eventIds = null; return this; }
        BitSet b = new BitSet(256);
        for (int id : ids) {
            if (id < 0 || id > 0xFF) throw new IllegalArgumentException("event id " + id + " out of range 0..255");
            b.set(id);
        }
        eventIds = b;
        return this;
    }

    /** Keep only messages in which {@code regex} is found (null: all). */
    public TraceFormatter grep(Pattern regex) {
        this.matcher = regex == null ? null : regex.matcher("");
        return this;
    }

    public TraceFormatter grep(String regex) {
        return grep(regex == null ? null : Pattern.compile(regex));
    }

    @Override
    public void onMessage(TraceMessage m) {
        if (eventIds != null && !eventIds.get(m.eventId())) { filtered++; return; }
        msg.setLength(0);
        m.appendText(msg);
        write(m.timestamp(), m.lost(), m.eventId(), msg, m.kind() == TraceMessage.Kind.RAW,
                m.kind() == TraceMessage.Kind.BAD_FORMAT);
    }

    /** Prints a message that did not come from the decoder (tracefs, a record kept earlier). */
    public void accept(TraceRecord r) {
        if (eventIds != null && !eventIds.get(r.eventId())) { filtered++; return; }
        write(r.timestamp(), r.lost(), r.eventId(), r.message(), false, r.message().startsWith("BAD_FORMAT: "));
    }

    private void write(long ts, boolean lost, int eventId, CharSequence text, boolean raw, boolean bad) {
        if (matcher != null && !matcher.reset(text).find()) { filtered++; return; }
        if (lost) lostMessages++;
        if (raw) rawMessages++;
        if (bad) badFormats++;
        StringBuilder l = line;
        l.setLength(0);
        if (style == Style.JSON) json(l, ts, lost, eventId, text);
        else tracepoint(l, ts, lost, eventId, text);
        l.append('\n');
        try {
            out.append(l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace output: " + e.getMessage(), e);
        }
        lines++;
    }

    private void tracepoint(StringBuilder l, long ts, boolean lost, int eventId, CharSequence text) {
        if (device != null) l.append(device).append(' ');
        l.append('[');
        if (realTs != null) realTs.appendTo(l, ts);
        else { scratch[0] = '0'; scratch[1] = 'x'; l.append(scratch, 0, TraceFormat.hex(scratch, 2, ts, 0x20)); }
        scratch[0] = ']'; scratch[1] = ' '; scratch[2] = lost ? '1' : '0'; scratch[3] = ' '; scratch[4] = '[';
        scratch[5] = '0'; scratch[6] = 'x';
        int n = TraceFormat.hex(scratch, 7, eventId, 0x20);
        scratch[n++] = ']';
        scratch[n++] = ' ';
        l.append(scratch, 0, n).append(text);
    }

    private void json(StringBuilder l, long ts, boolean lost, int eventId, CharSequence text) {
        l.append("{\"ts\":").append(ts);
        if (realTs != null) { l.append(",\"time\":\""); realTs.appendTo(l, ts); l.append('"'); }
        if (device != null) { l.append(",\"dev\":"); JsonString.quote(l, device); }
        l.append(",\"lost\":").append(lost).append(",\"event_id\":").append(eventId).append(",\"msg\":");
        JsonString.quote(l, text);
        l.append('}');
    }

    /** Lines written. */
    public long lines() { return lines; }
    /** Messages dropped by the event-id or regex filter. */
    public long filtered() { return filtered; }
    /** Printed messages carrying the lost flag. */
    public long lostMessages() { return lostMessages; }
    public long rawMessages() { return rawMessages; }
    public long badFormats() { return badFormats; }

    public String summary() {
        return "lines " + lines + ", filtered " + filtered + ", lost-flagged " + lostMessages
                + ", raw " + rawMessages + ", bad formats " + badFormats;
    }
}
