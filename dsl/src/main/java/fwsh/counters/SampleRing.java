package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.List;

/** A bounded in-memory ring of samples: when full, the oldest sample is dropped (and counted). */
final class SampleRing {
    private final int capacity, width;
    private final long[] t, dev, values;
    private long written;

    SampleRing(int capacity, int width) {
        if (capacity < 1) throw new ArgumentException("ring capacity " + capacity + " must be ≥ 1 sample");
        if ((long) capacity * (width + 2) > 64L * 1024 * 1024)
            throw new ArgumentException("a ring of " + capacity + " samples × " + width + " counters needs more than 512 MiB; "
                    + "use a smaller ring or stream to a file");
        this.capacity = capacity;
        this.width = width;
        this.t = new long[capacity];
        this.dev = new long[capacity];
        this.values = new long[capacity * width];
    }

    synchronized void add(long tNanos, long deviceNanos, long[] v) {
        int slot = (int) (written % capacity);
        t[slot] = tNanos;
        dev[slot] = deviceNanos;
        System.arraycopy(v, 0, values, slot * width, width);
        written++;
    }

    synchronized long dropped() {
        return Math.max(0, written - capacity);
    }

    synchronized int size() {
        return (int) Math.min(written, capacity);
    }

    /** A copy of the ring's contents, oldest first. */
    synchronized SampleSeries toSeries(List<CounterDef> defs, long periodNanos, long startWallMillis, SamplerStats stats) {
        int n = size();
        long first = written - n;
        long[] ts = new long[n], ds = new long[n];
        long[][] cols = new long[width][n];
        boolean anyDev = false;
        for (int i = 0; i < n; i++) {
            int slot = (int) ((first + i) % capacity);
            ts[i] = t[slot];
            ds[i] = dev[slot];
            anyDev |= ds[i] != CounterSource.NO_DEVICE_TIME;
            for (int c = 0; c < width; c++) cols[c][i] = values[slot * width + c];
        }
        return new SampleSeries(defs, ts, anyDev ? ds : null, cols, periodNanos, startWallMillis, dropped(), stats);
    }
}
