package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The change of each counter between two snapshots of the same selection.
 * <p>
 * COUNTERs are wrap-safe modulo their width: when the new value is below the old one, a wrap is assumed if the
 * implied increase is at most half the counter's range; otherwise the counter was cleared and the delta is the new
 * value (flagged in {@link #cleared}). GAUGEs give the signed difference.
 */
public final class Delta {
    private final List<CounterDef> defs;
    private final long[] deltas;
    private final boolean[] wrapped, cleared;
    private final long elapsedNanos;
    private final boolean deviceClock;
    private final Snapshot from, to;

    private Delta(Snapshot from, Snapshot to, long[] deltas, boolean[] wrapped, boolean[] cleared, long elapsed, boolean deviceClock) {
        this.from = from;
        this.to = to;
        this.defs = from.defs();
        this.deltas = deltas;
        this.wrapped = wrapped;
        this.cleared = cleared;
        this.elapsedNanos = elapsed;
        this.deviceClock = deviceClock;
    }

    /** Deltas from {@code a} to {@code b}; elapsed time from device timestamps when both have them, else host time. */
    public static Delta between(Snapshot a, Snapshot b) {
        if (!a.defs().equals(b.defs()))
            throw new ArgumentException("snapshots hold different counters (" + a.defs().size() + " vs " + b.defs().size()
                    + "); take both from the same selection");
        int n = a.defs().size();
        long[] d = new long[n];
        boolean[] w = new boolean[n], c = new boolean[n];
        long[] av = a.values(), bv = b.values();
        for (int i = 0; i < n; i++) {
            CounterDef def = a.defs().get(i);
            int flags = step(def, av[i], bv[i]);
            d[i] = counterDelta(def, av[i], bv[i]);
            w[i] = (flags & WRAPPED) != 0;
            c[i] = (flags & CLEARED) != 0;
        }
        boolean dev = a.hasDeviceTime() && b.hasDeviceTime();
        long elapsed = dev ? b.deviceNanos() - a.deviceNanos() : b.hostNanos() - a.hostNanos();
        return new Delta(a, b, d, w, c, elapsed, dev);
    }

    static final int WRAPPED = 1, CLEARED = 2;

    /** WRAPPED, CLEARED or 0 for the step of one counter from {@code a} to {@code b}. */
    static int step(CounterDef def, long a, long b) {
        if (def.isGauge()) return 0;
        long m = def.mask();
        a &= m;
        b &= m;
        if (Long.compareUnsigned(b, a) >= 0) return 0;
        long up = (b - a) & m; // increase implied by a wrap
        long half = def.widthBits() == 64 ? Long.MIN_VALUE : 1L << (def.widthBits() - 1);
        return Long.compareUnsigned(up, half) <= 0 ? WRAPPED : CLEARED;
    }

    /** The delta of one counter: signed difference for gauges; wrap-safe, clear-aware increase for counters. */
    public static long counterDelta(CounterDef def, long a, long b) {
        if (def.isGauge()) return b - a;
        long m = def.mask();
        int f = step(def, a, b);
        if (f == CLEARED) return b & m;
        return ((b & m) - (a & m)) & m;
    }

    public List<CounterDef> defs() {
        return defs;
    }

    public Snapshot from() {
        return from;
    }

    public Snapshot to() {
        return to;
    }

    /** Time between the snapshots, in ns. */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /** True when {@link #elapsedNanos()} came from device timestamps. */
    public boolean usesDeviceTime() {
        return deviceClock;
    }

    int index(String name) {
        int i = from.indexOf(name);
        if (i < 0) throw new ArgumentException(Names.unknown("counter", name, from.names(), null));
        return i;
    }

    /** The change of one counter (unsigned for 64-bit counters that moved by more than 2^63 — never in practice). */
    public long delta(String name) {
        return deltas[index(name)];
    }

    public long delta(int i) {
        return deltas[i];
    }

    public boolean wrapped(String name) {
        return wrapped[index(name)];
    }

    /** True when the counter went backwards in a way a wrap cannot explain: it was cleared, delta = new value. */
    public boolean cleared(String name) {
        return cleared[index(name)];
    }

    public boolean cleared(int i) {
        return cleared[i];
    }

    public boolean wrapped(int i) {
        return wrapped[i];
    }

    /** Change per second of each counter. */
    public Rates rates() {
        return new Rates(defs, deltas, elapsedNanos, cleared);
    }

    /** Up to {@code n} counters that changed, largest absolute change first (ties by name). */
    public List<Change> top(int n) {
        if (n < 0) throw new ArgumentException("top(" + n + "): n must be ≥ 0");
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < deltas.length; i++)
            if (deltas[i] != 0 || cleared[i]) out.add(new Change(defs.get(i), deltas[i], rate(i), cleared[i], wrapped[i]));
        out.sort(Comparator.comparing((Change c) -> c.delta() == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(c.delta()),
                Comparator.reverseOrder()).thenComparing(c -> c.def().name()));
        return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }

    double rate(int i) {
        return elapsedNanos <= 0 ? Double.NaN : deltas[i] * 1e9 / elapsedNanos;
    }

    /** Every counter's change, for JSON and CSV: name, group, unit, delta, perSecond, cleared, wrapped. */
    public List<java.util.Map<String, Object>> toRows() {
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < deltas.length; i++) rows.add(new Change(defs.get(i), deltas[i], rate(i), cleared[i], wrapped[i]).toMap());
        return rows;
    }

    /** The delta as JSON shows it: the interval, its clock, how many changed, and every counter's row. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("elapsedNanos", elapsedNanos);
        m.put("clock", deviceClock ? "device" : "host");
        m.put("changed", top(Integer.MAX_VALUE).size());
        m.put("counters", toRows());
        return m;
    }

    /** One changed counter. */
    public record Change(CounterDef def, long delta, double perSecond, boolean cleared, boolean wrapped) {
        public String name() {
            return def.name();
        }

        public java.util.Map<String, Object> toMap() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", def.name());
            m.put("group", def.group());
            m.put("unit", def.unit());
            m.put("delta", delta);
            m.put("perSecond", perSecond);
            m.put("cleared", cleared);
            m.put("wrapped", wrapped);
            return m;
        }

        @Override
        public String toString() {
            return def.name() + " +" + delta + (cleared ? " (cleared)" : "") + (wrapped ? " (wrapped)" : "");
        }
    }

    /** Aligned table of counters that changed: name, delta, rate, flags. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        for (Change c : top(Integer.MAX_VALUE))
            rows.add(new String[]{c.name(), Long.toString(c.delta()), Units.formatRate(c.perSecond(), c.def().unit()),
                    c.cleared() ? "cleared" : c.wrapped() ? "wrapped" : ""});
        return TextTable.render(new String[]{"name", "delta", "rate", ""}, rows);
    }

    @Override
    public String toString() {
        return "Delta(" + defs.size() + " counters over " + Units.duration(elapsedNanos) + ", " + top(Integer.MAX_VALUE).size() + " changed)";
    }
}
