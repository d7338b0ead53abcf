package fwsh.counters;

import java.util.List;
import java.util.Map;

/**
 * A fixed, ordered set of counters prepared for repeated reads: {@link #read(long[])} fills one value per counter
 * without allocating, issuing one {@link CounterSource#read} per source involved.
 */
public final class CounterSelection {
    private final List<CounterDef> defs;
    private final CounterSource[] sources;
    private final int[][] indices;
    private final int[][] positions;
    private final long[][] scratch;
    private final Map<String, String> labels;
    private final boolean deviceTime;

    CounterSelection(List<CounterDef> defs, CounterSource[] sources, int[][] indices, int[][] positions, Map<String, String> labels) {
        this.defs = List.copyOf(defs);
        this.sources = sources;
        this.indices = indices;
        this.positions = positions;
        this.labels = labels;
        this.scratch = new long[sources.length][];
        boolean dt = false;
        for (int s = 0; s < sources.length; s++) {
            scratch[s] = new long[indices[s].length];
            dt |= sources[s].hasDeviceTime();
        }
        this.deviceTime = dt;
    }

    /** Wraps a single source, selecting all of its counters. */
    public static CounterSelection of(CounterSource source) {
        return new CompositeSource(List.of(source)).selectAll();
    }

    public List<CounterDef> defs() {
        return defs;
    }

    public int size() {
        return defs.size();
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** True when at least one source gives device timestamps; the first such source's time is used. */
    public boolean hasDeviceTime() {
        return deviceTime;
    }

    /**
     * Reads every selected counter into {@code into[0..size())}, masked to each counter's width (gauges are kept as
     * the source returned them). Not thread-safe: one reader at a time.
     *
     * @return the device time of the first source that has one, or {@link CounterSource#NO_DEVICE_TIME}
     */
    public long read(long[] into) {
        if (into.length < defs.size())
            throw new IllegalArgumentException("read buffer holds " + into.length + " values but " + defs.size() + " counters are selected");
        long dev = CounterSource.NO_DEVICE_TIME;
        for (int s = 0; s < sources.length; s++) {
            long[] tmp = scratch[s];
            long t = sources[s].read(indices[s], tmp);
            if (dev == CounterSource.NO_DEVICE_TIME) dev = t;
            int[] pos = positions[s];
            for (int k = 0; k < pos.length; k++) {
                CounterDef d = defs.get(pos[k]);
                into[pos[k]] = d.isGauge() ? tmp[k] : tmp[k] & d.mask();
            }
        }
        return dev;
    }

    /** Takes one snapshot now, stamped with {@link System#nanoTime()} and wall-clock time. */
    public Snapshot snapshot() {
        long[] v = new long[defs.size()];
        long host = System.nanoTime();
        long dev = read(v);
        return new Snapshot(defs, v, host, System.currentTimeMillis(), dev, labels);
    }
}
