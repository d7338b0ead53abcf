package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.List;
import java.util.Locale;

/**
 * A small self-contained SVG line chart (XChart's SVG output needs an optional library fwsh does not ship):
 * one polyline per series scaled to its own min..max band when units differ, axes with the time range, a legend.
 */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private SvgChart() {
    }

    static String render(String title, List<String> names, List<String> units, List<double[]> xs, List<double[]> ys, int w, int h) {
        int left = 70, right = 20, top = 40, bottom = 40 + 18 * names.size();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        for (double[] x : xs) for (double v : x) if (!Double.isNaN(v)) { x0 = Math.min(x0, v); x1 = Math.max(x1, v); }
        if (x0 > x1) throw new ArgumentException("nothing to plot: the series has fewer than two samples");
        if (x1 == x0) x1 = x0 + 1;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h, w, h));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">%s</text>\n", w / 2, esc(title)));
        int pw = w - left - right, ph = h - top - bottom;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", left, top, pw, ph));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s s</text>\n",
                left, top + ph + 16, Units.number(x0), left + pw, top + ph + 16, Units.number(x1)));
        boolean oneUnit = units.stream().distinct().count() == 1;
        double gmin = Double.POSITIVE_INFINITY, gmax = Double.NEGATIVE_INFINITY;
        for (double[] y : ys) for (double v : y) if (!Double.isNaN(v)) { gmin = Math.min(gmin, v); gmax = Math.max(gmax, v); }
        if (oneUnit && gmin <= gmax)
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    left - 4, top + 10, Units.number(gmax), left - 4, top + ph, Units.number(gmin)));
        for (int s = 0; s < names.size(); s++) {
            double[] x = xs.get(s), y = ys.get(s);
            double min = oneUnit ? gmin : Double.POSITIVE_INFINITY, max = oneUnit ? gmax : Double.NEGATIVE_INFINITY;
            if (!oneUnit) for (double v : y) if (!Double.isNaN(v)) { min = Math.min(min, v); max = Math.max(max, v); }
            if (min > max) continue;
            if (max == min) { max = min + 1; }
            String color = COLORS[s % COLORS.length];
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.2\" points=\"");
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(y[i])) continue;
                double px = left + (x[i] - x0) / (x1 - x0) * pw, py = top + ph - (y[i] - min) / (max - min) * ph;
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append("\"/>\n");
            String label = names.get(s) + " (" + units.get(s) + ")" + (oneUnit ? "" : " " + Units.number(min) + ".." + Units.number(max));
            int ly = top + ph + 34 + 18 * s;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
                    left, ly - 4, left + 24, ly - 4, color, left + 30, ly, esc(label)));
        }
        return sb.append("</svg>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
