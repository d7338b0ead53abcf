package fwsh.trace;

/**
 * A decoded message handed to a {@link TraceSink}. The decoder reuses one instance: it is valid only during the
 * callback. Formatting is done on demand ({@link #appendText}), so a sink that filters on event id or
 * counts never pays for it.
 */
public final class TraceMessage {

    public enum Kind {
        /** A string-DB format with its parameters. */
        FORMATTED,
        /** Printed raw as {@code 0x%08x%08x} of the event: pointer in no section, or unknown (event_id, tmsn). */
        RAW,
        /** The format failed the driver's conversion check (or uses a conversion fwsh cannot render). */
        BAD_FORMAT
    }

    long timestamp;
    boolean lost;
    int eventId;
    Kind kind;
    TraceFormat format;
    final int[] params = new int[TraceFormat.MAX_PARAMS];
    int paramCount;
    long rawEvent;
    private final char[] scratch = new char[TraceFormat.SCRATCH];

    public long timestamp() { return timestamp; }
    public boolean lost() { return lost; }
    public int eventId() { return eventId; }
    public Kind kind() { return kind; }
    /** The format, null for a raw message. */
    public TraceFormat format() { return format; }
    /** Parameters received (at most 7). */
    public int paramCount() { return paramCount; }
    public int param(int i) {
        if (i < 0 || i >= paramCount) throw new IndexOutOfBoundsException("parameter " + i + " of " + paramCount);
        return params[i];
    }
    /** The 64-bit event a raw message prints. */
    public long rawEvent() { return rawEvent; }

    /** Appends the message text exactly as the kernel formats it. */
    public void appendText(StringBuilder sb) {
        switch (kind) {
            case RAW -> {
                char[] b = scratch;
                b[0] = '0';
                b[1] = 'x';
                for (int i = 0; i < 16; i++) b[2 + i] = HEX[(int) (rawEvent >>> (60 - 4 * i)) & 0xF];
                sb.append(b, 0, 18);
            }
            case BAD_FORMAT -> sb.append(format.badFormatText());
            default -> format.formatTo(sb, params, paramCount, scratch);
        }
    }

    public String text() {
        StringBuilder sb = new StringBuilder(64);
        appendText(sb);
        return sb.toString();
    }

    public TraceRecord toRecord() { return new TraceRecord(timestamp, lost, eventId, text()); }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override public String toString() { return toRecord().toString(); }
}
