package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of a fixed set of counters at one moment.
 *
 * @param hostNanos   {@link System#nanoTime()}-style host time of the read (or a virtual ticker's time)
 * @param wallMillis  wall-clock time for display and exports
 * @param deviceNanos device time of the read, or {@link CounterSource#NO_DEVICE_TIME}
 * @param labels      constant labels (device, port) for exports
 */
public record Snapshot(List<CounterDef> defs, long[] values, long hostNanos, long wallMillis, long deviceNanos,
                       Map<String, String> labels) {

    public Snapshot {
        defs = List.copyOf(defs);
        if (values.length != defs.size())
            throw new IllegalArgumentException("snapshot has " + values.length + " values for " + defs.size() + " counters");
        values = values.clone();
        labels = labels == null ? Map.of() : labels;
    }

    /** Reads {@code selection} once, stamping the read with {@code ticker}'s time. */
    public static Snapshot take(CounterSelection selection, Ticker ticker) {
        long[] v = new long[selection.size()];
        long host = ticker.nanoTime();
        long dev = selection.read(v);
        return new Snapshot(selection.defs(), v, host, ticker.wallMillis(), dev, selection.labels());
    }

    public boolean hasDeviceTime() {
        return deviceNanos != CounterSource.NO_DEVICE_TIME;
    }

    public int indexOf(String name) {
        for (int i = 0; i < defs.size(); i++) if (defs.get(i).name().equals(name)) return i;
        return -1;
    }

    /** The value of one counter; unknown names get "did you mean". */
    public long value(String name) {
        int i = indexOf(name);
        if (i < 0) throw new ArgumentException(Names.unknown("counter", name, names(), "this snapshot holds " + defs.size() + " counters"));
        return values[i];
    }

    /** The value at position {@code i} of the selection. */
    public long value(int i) {
        return values[i];
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    List<String> names() {
        return defs.stream().map(CounterDef::name).toList();
    }

    /** Name → value, in selection order. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put(defs.get(i).name(), values[i]);
        return m;
    }

    /** What changed from this snapshot to {@code later}. */
    public Delta delta(Snapshot later) {
        return Delta.between(this, later);
    }

    /** An aligned table: name, value, unit. */
    public String table() {
        return Formats.table(this);
    }

    @Override
    public String toString() {
        return "Snapshot(" + defs.size() + " counters" + (hasDeviceTime() ? ", device time" : "") + ")";
    }
}
