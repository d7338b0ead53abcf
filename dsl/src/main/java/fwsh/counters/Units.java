package fwsh.counters;

import java.util.Locale;

/** Units of rates and human-readable scaling. */
public final class Units {
    private Units() {
    }

    /** The unit of a per-second rate of a counter counting {@code unit}: bytes → B/s, packets → packets/s. */
    public static String rateUnit(String unit) {
        if (unit == null || unit.isEmpty()) return "/s";
        if (unit.equals("bytes") || unit.equals("B")) return "B/s";
        if (unit.equals("bits") || unit.equals("b")) return "b/s";
        return unit + "/s";
    }

    /** A rate with its unit, scaled by SI prefixes (k, M, G, T) for B/s and b/s, else plain with 3 significant digits. */
    public static String formatRate(double perSecond, String unit) {
        String ru = rateUnit(unit);
        if (ru.equals("B/s") || ru.equals("b/s")) return scaled(perSecond) + ru;
        return number(perSecond) + " " + ru;
    }

    /** SI-scaled number with a trailing space before the prefixed unit, e.g. "1.50 M". */
    static String scaled(double v) {
        double a = Math.abs(v);
        String[] p = {"", "k", "M", "G", "T", "P"};
        int i = 0;
        while (a >= 999.995 && i < p.length - 1) {
            a /= 1000;
            v /= 1000;
            i++;
        }
        return (i == 0 ? number(v) : String.format(Locale.ROOT, "%.2f", v)) + " " + p[i];
    }

    /** Integers exactly, other values with up to 3 decimals. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Unsigned-aware decimal for a counter value (64-bit counters may exceed Long.MAX_VALUE). */
    public static String value(long v, CounterDef d) {
        return d.isGauge() ? Long.toString(v) : Long.toUnsignedString(v);
    }

    /** Nanoseconds as a short duration: 850 ns, 12.5 µs, 3.20 ms, 1.50 s. */
    public static String duration(double ns) {
        if (Double.isNaN(ns)) return "-";
        double a = Math.abs(ns);
        if (a < 1_000) return String.format(Locale.ROOT, "%.0f ns", ns);
        if (a < 1_000_000) return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        if (a < 1_000_000_000) return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }
}
