package fwsh.trace;

/**
 * Device timestamp -> {@code hh:mm:ss:nnnnnnnnn} (hours not wrapped), as mstfwtrace's {@code --real_ts} prints it.
 * Two conversions: exact from a frequency in kHz, or mstfwtrace's own {@code int(1000 / freq_MHz) * ts}
 * (whole nanoseconds per tick, which drifts for clocks that do not divide 1000 MHz).
 */
public final class RealTimestamp {

    private final long kHz;
    private final long nsPerTick; // > 0 only in mstfwtrace mode

    private RealTimestamp(long kHz, long nsPerTick) {
        this.kHz = kHz;
        this.nsPerTick = nsPerTick;
    }

    /** Exact conversion for a device clock of {@code kHz} kilohertz. */
    public static RealTimestamp ofKHz(long kHz) {
        if (kHz <= 0) throw new TraceException("device frequency must be above 0 kHz to compute real timestamps, got " + kHz);
        return new RealTimestamp(kHz, 0);
    }

    /** Exact conversion for a device clock of {@code mHz} megahertz. */
    public static RealTimestamp ofMHz(double mHz) {
        return ofKHz(Math.round(mHz * 1000));
    }

    /** mstfwtrace's conversion: {@code ns = int(1000 / freqMHz) * ts}, freq rounded to whole MHz. */
    public static RealTimestamp mstfwtrace(int freqMHz) {
        if (freqMHz <= 0) throw new TraceException("device frequency is not above zero - can't calc real time stamp");
        if (freqMHz > 1000) throw new IllegalArgumentException("mstfwtrace's conversion gives 0 ns per tick above 1000 MHz; use ofMHz");
        return new RealTimestamp(freqMHz * 1000L, 1000 / freqMHz);
    }

    /** Nanoseconds since the device clock started. */
    public long nanos(long ts) {
        if (nsPerTick > 0) return nsPerTick * ts;
        return (ts / kHz) * 1_000_000L + (ts % kHz) * 1_000_000L / kHz;
    }

    /** Appends {@code hh:mm:ss:nnnnnnnnn}. */
    public void appendTo(StringBuilder sb, long ts) {
        long ns = nanos(ts);
        long secs = ns / 1_000_000_000L;
        long nsec = ns % 1_000_000_000L;
        long hours = secs / 3600, minutes = (secs % 3600) / 60, seconds = secs % 60;
        pad(sb, hours, 2).append(':');
        pad(sb, minutes, 2).append(':');
        pad(sb, seconds, 2).append(':');
        pad(sb, nsec, 9);
    }

    public String format(long ts) {
        StringBuilder sb = new StringBuilder(22);
        appendTo(sb, ts);
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) digits++;
        for (int i = digits; i < width; i++) sb.append('0');
        return sb.append(v);
    }
}
