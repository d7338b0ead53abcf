package fwsh.counters;

import fwsh.base.FileException;
import fwsh.base.ArgumentException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples of a fixed set of counters: one time array (ns since the sampler started), optional device times, and
 * one value array per counter. Exact integer values; {@link #rates()} derives per-second rates between samples.
 */
public final class SampleSeries {
    private final List<CounterDef> defs;
    private final long[] t, dev;
    private final long[][] cols;
    private final long periodNanos, startWallMillis, dropped;
    private final SamplerStats stats;

    SampleSeries(List<CounterDef> defs, long[] t, long[] dev, long[][] cols, long periodNanos, long startWallMillis, long dropped,
                 SamplerStats stats) {
        this.defs = List.copyOf(defs);
        this.t = t;
        this.dev = dev;
        this.cols = cols;
        this.periodNanos = periodNanos;
        this.startWallMillis = startWallMillis;
        this.dropped = dropped;
        this.stats = stats;
    }

    public List<CounterDef> defs() {
        return defs;
    }

    public List<String> names() {
        return defs.stream().map(CounterDef::name).toList();
    }

    public int size() {
        return t.length;
    }

    /** Host times in ns since the sampler started (a copy). */
    public long[] times() {
        return t.clone();
    }

    /** Device times in ns, or null when the source has none. */
    public long[] deviceTimes() {
        return dev == null ? null : dev.clone();
    }

    public boolean hasDeviceTime() {
        return dev != null;
    }

    /** Values of one counter (a copy). */
    public long[] values(String name) {
        return cols[index(name)].clone();
    }

    public long value(String name, int sample) {
        return cols[index(name)][sample];
    }

    /** Samples that the in-memory ring dropped (oldest first) because it was full. */
    public long dropped() {
        return dropped;
    }

    public long periodNanos() {
        return periodNanos;
    }

    public long startWallMillis() {
        return startWallMillis;
    }

    /** The sampler's schedule statistics at the time this series was taken. */
    public SamplerStats stats() {
        return stats;
    }

    int index(String name) {
        for (int i = 0; i < defs.size(); i++) if (defs.get(i).name().equals(name)) return i;
        throw new ArgumentException(Names.unknown("counter", name, names(), "this series holds " + defs.size() + " counters"));
    }

    /**
     * Per-second rates between consecutive samples (wrap-safe, clear-aware for COUNTERs; change per second for
     * GAUGEs), timed by device timestamps when every sample has one, else host times.
     */
    public RateSeries rates() {
        int n = Math.max(0, t.length - 1);
        boolean useDev = dev != null;
        if (useDev) for (long d : dev) if (d == CounterSource.NO_DEVICE_TIME) useDev = false;
        double[] times = new double[n];
        double[][] r = new double[defs.size()][n];
        for (int i = 0; i < n; i++) {
            long dt = useDev ? dev[i + 1] - dev[i] : t[i + 1] - t[i];
            times[i] = t[i + 1] / 1e9;
            for (int c = 0; c < defs.size(); c++)
                r[c][i] = dt <= 0 ? Double.NaN : Delta.counterDelta(defs.get(c), cols[c][i], cols[c][i + 1]) * 1e9 / dt;
        }
        List<String> units = defs.stream().map(d -> Units.rateUnit(d.unit())).toList();
        return new RateSeries(names(), units, times, r);
    }

    /**
     * One line per counter: name, sparkline (rates for COUNTERs, values for GAUGEs), and the range shown.
     */
    public String sparkline() {
        return sparkline(60);
    }

    public String sparkline(int width) {
        RateSeries r = rates();
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < defs.size(); c++) {
            CounterDef d = defs.get(c);
            double[] v;
            String unit;
            if (d.isGauge()) {
                v = new double[t.length];
                for (int i = 0; i < v.length; i++) v[i] = cols[c][i];
                unit = d.unit();
            } else {
                v = r.column(c);
                unit = Units.rateUnit(d.unit());
            }
            rows.add(new String[]{d.name(), Sparkline.of(v, width), range(v) + " " + unit});
        }
        return TextTable.render(new String[]{"name", "", "range"}, rows);
    }

    static String range(double[] v) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : v)
            if (!Double.isNaN(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        return min > max ? "-" : Units.number(min) + ".." + Units.number(max);
    }

    /** Writes the samples as CSV (header {@code t_ns[,device_ns],<names>}). */
    public Path toCsv(Object path) {
        return write(Plot.path(path), SampleFormat.CSV);
    }

    /** Writes the samples as JSON lines, one object per sample. */
    public Path toJsonLines(Object path) {
        return write(Plot.path(path), SampleFormat.JSON_LINES);
    }

    private Path write(Path p, SampleFormat f) {
        try (SampleWriter w = new SampleWriter(p, f, defs, dev != null, Long.MAX_VALUE)) {
            long[] row = new long[defs.size()];
            for (int i = 0; i < t.length; i++) {
                for (int c = 0; c < row.length; c++) row[c] = cols[c][i];
                w.write(t[i], dev == null ? CounterSource.NO_DEVICE_TIME : dev[i], row);
                w.maybeFlush(0);
            }
        } catch (IOException e) {
            throw FileException.of("write", p, e);
        }
        return p;
    }

    /**
     * Plots the series to a PNG or SVG (by extension): rates for COUNTERs and values for GAUGEs, one y axis per unit.
     */
    public Path plot(Object path) {
        return plot(path, 1000, 560);
    }

    public Path plot(Object path, int width, int height) {
        RateSeries r = rates();
        List<String> names = new ArrayList<>(), units = new ArrayList<>();
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        double[] sampleTimes = new double[t.length];
        for (int i = 0; i < t.length; i++) sampleTimes[i] = t[i] / 1e9;
        for (int c = 0; c < defs.size(); c++) {
            CounterDef d = defs.get(c);
            names.add(d.name());
            if (d.isGauge()) {
                double[] v = new double[t.length];
                for (int i = 0; i < v.length; i++) v[i] = cols[c][i];
                xs.add(sampleTimes);
                ys.add(v);
                units.add(d.unit());
            } else {
                xs.add(r.times());
                ys.add(r.column(c));
                units.add(Units.rateUnit(d.unit()));
            }
        }
        return Plot.write(Plot.path(path), "counters", names, units, xs, ys, width, height);
    }

    /** One row per sample, as toCsv writes them: tNanos (host), deviceNanos (when the source has it), then each counter. */
    public List<java.util.Map<String, Object>> toRows() {
        List<java.util.Map<String, Object>> rows = new ArrayList<>(t.length);
        for (int i = 0; i < t.length; i++) {
            java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("tNanos", t[i]);
            if (dev != null) r.put("deviceNanos", dev[i]);
            for (int c = 0; c < defs.size(); c++) r.put(defs.get(c).name(), cols[c][i]);
            rows.add(r);
        }
        return rows;
    }

    /** The series as JSON shows it: its counters, schedule, the sampler's statistics, mean rates and every sample. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("counters", defs.stream().map(CounterDef::toMap).toList());
        m.put("periodNanos", periodNanos);
        m.put("startWallMillis", startWallMillis);
        m.put("size", t.length);
        m.put("dropped", dropped);
        m.put("stats", stats == null ? null : stats.toMap());
        RateSeries r = rates();
        java.util.Map<String, Double> mean = new java.util.LinkedHashMap<>();
        for (int c = 0; c < defs.size(); c++) if (!defs.get(c).isGauge()) mean.put(defs.get(c).name(), r.mean(c));
        m.put("meanRates", mean);
        m.put("samples", toRows());
        return m;
    }

    /** Summary table: name, first, last, min/max rate or value. */
    public String table() {
        RateSeries r = rates();
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < defs.size(); c++) {
            CounterDef d = defs.get(c);
            long first = t.length == 0 ? 0 : cols[c][0], last = t.length == 0 ? 0 : cols[c][t.length - 1];
            rows.add(new String[]{d.name(), Units.value(first, d), Units.value(last, d),
                    d.isGauge() ? "" : Units.formatRate(r.mean(c), d.unit())});
        }
        return TextTable.render(new String[]{"name", "first", "last", "mean rate"}, rows);
    }

    @Override
    public String toString() {
        return "SampleSeries(" + t.length + " samples of " + defs.size() + " counters every " + Units.duration(periodNanos)
                + (dropped > 0 ? ", " + dropped + " dropped" : "") + ")";
    }
}
