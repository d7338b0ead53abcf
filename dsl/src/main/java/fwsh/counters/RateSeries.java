package fwsh.counters;

import fwsh.base.FileException;
import fwsh.base.ArgumentException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Per-second rates between consecutive samples; {@link #times()} are the interval ends, in seconds from the start. */
public final class RateSeries {
    private final List<String> names, units;
    private final double[] t;
    private final double[][] r;

    RateSeries(List<String> names, List<String> units, double[] t, double[][] r) {
        this.names = List.copyOf(names);
        this.units = List.copyOf(units);
        this.t = t;
        this.r = r;
    }

    public List<String> names() {
        return names;
    }

    /** One row per interval: its end (seconds from the start), then each counter's rate. */
    public List<java.util.Map<String, Object>> toRows() {
        List<java.util.Map<String, Object>> rows = new ArrayList<>(t.length);
        for (int i = 0; i < t.length; i++) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("t", t[i]);
            for (int c = 0; c < names.size(); c++) row.put(names.get(c), r[c][i]);
            rows.add(row);
        }
        return rows;
    }

    /** The rates as JSON shows them: each counter's rate unit, then every interval's row. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> u = new java.util.LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) u.put(names.get(c), units.get(c));
        m.put("units", u);
        m.put("rates", toRows());
        return m;
    }

    public int size() {
        return t.length;
    }

    public double[] times() {
        return t.clone();
    }

    public String unit(String name) {
        return units.get(index(name));
    }

    /** Rates of one counter (a copy). */
    public double[] rate(String name) {
        return r[index(name)].clone();
    }

    double[] column(int c) {
        return r[c];
    }

    double mean(int c) {
        double s = 0;
        int n = 0;
        for (double v : r[c])
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        return n == 0 ? Double.NaN : s / n;
    }

    public double mean(String name) {
        return mean(index(name));
    }

    public double max(String name) {
        double m = Double.NaN;
        for (double v : r[index(name)]) if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) m = v;
        return m;
    }

    int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new ArgumentException(Names.unknown("counter", name, names, null));
        return i;
    }

    /** One line per counter: name, sparkline of its rate, and the range. */
    public String sparkline() {
        return sparkline(60);
    }

    public String sparkline(int width) {
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < names.size(); c++)
            rows.add(new String[]{names.get(c), Sparkline.of(r[c], width), SampleSeries.range(r[c]) + " " + units.get(c)});
        return TextTable.render(new String[]{"name", "", "range"}, rows);
    }

    /** CSV: header {@code t_s,<name> (<unit>)...}. */
    public Path toCsv(Object path) {
        Path p = Plot.path(path);
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("t_s");
            for (int c = 0; c < names.size(); c++) w.write("," + Formats.csvCell(names.get(c) + " (" + units.get(c) + ")"));
            w.write('\n');
            for (int i = 0; i < t.length; i++) {
                w.write(Double.toString(t[i]));
                for (double[] col : r) w.write("," + (Double.isNaN(col[i]) ? "" : Double.toString(col[i])));
                w.write('\n');
            }
        } catch (IOException e) {
            throw FileException.of("write", p, e);
        }
        return p;
    }

    public Path plot(Object path) {
        return plot(path, 1000, 560);
    }

    public Path plot(Object path, int width, int height) {
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (double[] col : r) {
            xs.add(t);
            ys.add(col);
        }
        return Plot.write(Plot.path(path), "counter rates", names, units, xs, ys, width, height);
    }

    @Override
    public String toString() {
        return sparkline();
    }
}
