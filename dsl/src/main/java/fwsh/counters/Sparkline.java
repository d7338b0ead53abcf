package fwsh.counters;

import fwsh.base.ArgumentException;

/** Unicode sparklines (▁▂▃▄▅▆▇█) of a numeric series. */
public final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /**
     * Resamples {@code values} to at most {@code width} buckets (bucket mean) and maps min..max onto eight bars.
     * A flat series is all '▁'; NaN buckets are blanks.
     */
    public static String of(double[] values, int width) {
        if (width < 1) throw new ArgumentException("sparkline width " + width + " must be ≥ 1");
        int n = values.length;
        if (n == 0) return "";
        int w = Math.min(width, n);
        double[] b = new double[w];
        for (int i = 0; i < w; i++) {
            int from = (int) ((long) i * n / w), to = (int) ((long) (i + 1) * n / w);
            double sum = 0;
            int cnt = 0;
            for (int j = from; j < to; j++)
                if (!Double.isNaN(values[j])) {
                    sum += values[j];
                    cnt++;
                }
            b[i] = cnt == 0 ? Double.NaN : sum / cnt;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : b)
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        StringBuilder sb = new StringBuilder(w);
        for (double v : b) {
            if (Double.isNaN(v)) sb.append(' ');
            else if (max == min) sb.append(BARS[0]);
            else sb.append(BARS[(int) Math.min(7, Math.floor((v - min) / (max - min) * 8))]);
        }
        return sb.toString();
    }

    public static String of(long[] values, int width) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return of(d, width);
    }
}
