package fwsh.counters;

import fwsh.base.FileException;
import fwsh.base.ArgumentException;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Headless line charts of series against time: PNG through XChart, SVG through XChart when its vector backend is present, else a built-in writer. */
final class Plot {
    private Plot() {
    }

    static Path path(Object p) {
        if (p instanceof Path path) return path;
        if (p instanceof java.io.File f) return f.toPath();
        if (p == null) throw new ArgumentException("no output file given");
        return Path.of(p.toString());
    }

    static Path write(Path path, String title, List<String> names, List<String> units, List<double[]> xs, List<double[]> ys,
                      int width, int height) {
        if (width < 100 || height < 100 || width > 10000 || height > 10000)
            throw new ArgumentException("plot size " + width + "x" + height + " must be between 100 and 10000 pixels each way");
        String ext = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (ext.endsWith(".png")) {
                if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
                XYChart chart = chart(title, names, units, xs, ys, width, height);
                try (OutputStream out = Files.newOutputStream(path)) {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                }
            } else if (ext.endsWith(".svg")) {
                Files.writeString(path, SvgChart.render(title, names, units, xs, ys, width, height));
            } else {
                throw new ArgumentException("cannot plot to " + path.getFileName() + "; name it *.png or *.svg");
            }
        } catch (IOException e) {
            throw FileException.of("write plot", path, e);
        }
        return path;
    }

    private static XYChart chart(String title, List<String> names, List<String> units, List<double[]> xs, List<double[]> ys,
                                 int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("time (s)").build();
        // below the plot, one entry per row: long counter names would be cut off in a horizontal row
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(0);
        List<String> groups = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            double[][] pts = finite(xs.get(s), ys.get(s));
            if (pts[0].length == 0) continue;
            XYSeries series = chart.addSeries(names.get(s) + " (" + units.get(s) + ")", pts[0], pts[1]);
            series.setMarker(SeriesMarkers.NONE);
            int g = groups.indexOf(units.get(s));
            if (g < 0) {
                groups.add(units.get(s));
                g = groups.size() - 1;
            }
            series.setYAxisGroup(g);
            chart.setYAxisGroupTitle(g, units.get(s));
        }
        if (chart.getSeriesCollection().isEmpty()) throw new ArgumentException("nothing to plot: the series has fewer than two samples");
        return chart;
    }

    /** Drops NaN points (intervals with no elapsed time). */
    static double[][] finite(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) n++;
        double[] fx = new double[n], fy = new double[n];
        for (int i = 0, j = 0; i < y.length; i++)
            if (!Double.isNaN(y[i]) && !Double.isNaN(x[i])) {
                fx[j] = x[i];
                fy[j++] = y[i];
            }
        return new double[][]{fx, fy};
    }
}
