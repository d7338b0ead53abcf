package fwsh.dsl.counters;

import fwsh.base.FwshException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Named options of the dev.counters methods: checked names and typed values, one clear line per mistake. */
public final class Options {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|µs|ms|s|min|m|h)");

    private Options() {
    }

    static void check(Map<String, ?> opts, String method, String... allowed) {
        if (opts == null) return;
        List<String> ok = Arrays.asList(allowed);
        for (String k : opts.keySet())
            if (!ok.contains(k)) throw new FwshException(method + ": unknown option '" + k + "'" + didYouMean(k, ok)
                    + "; options are " + String.join(", ", ok));
    }

    static int integer(Map<String, ?> opts, String key, int dflt) {
        Object v = opts == null ? null : opts.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new FwshException(key + ": '" + v + "' is not a whole number");
        }
    }

    static boolean bool(Map<String, ?> opts, String key, boolean dflt) {
        Object v = opts == null ? null : opts.get(key);
        if (v == null) return dflt;
        if (v instanceof Boolean b) return b;
        String s = String.valueOf(v).toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("1") || s.equals("yes")) return true;
        if (s.equals("false") || s.equals("0") || s.equals("no")) return false;
        throw new FwshException(key + ": '" + v + "' is not true or false");
    }

    static Duration duration(Map<String, ?> opts, String key, Duration dflt) {
        Object v = opts == null ? null : opts.get(key);
        return v == null ? dflt : parseDuration(v, key);
    }

    /** A Duration, or text such as {@code 100us}, {@code 1ms}, {@code 1.5s}, {@code 2min}. */
    public static Duration parseDuration(Object v, String what) {
        if (v instanceof Duration d) return d;
        String s = String.valueOf(v).trim();
        Matcher m = DURATION.matcher(s);
        if (!m.matches())
            throw new FwshException(what + ": '" + s + "' is not a duration; write e.g. 100us, 1ms, 5s, 2min (or 1.ms in Groovy)");
        double n = Double.parseDouble(m.group(1));
        double nanos = n * switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min", "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos(Math.round(nanos));
    }

    static List<?> list(Object v) {
        if (v instanceof Collection<?> c) return List.copyOf(c);
        if (v instanceof Object[] a) return Arrays.asList(a);
        if (v instanceof CharSequence s) return Arrays.stream(s.toString().split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        return List.of(v);
    }

    static int port(Map<String, ?> opts) {
        int p = integer(opts, "port", 1);
        if (p < 1 || p > 255) throw new FwshException("port: " + p + " is not a local port number (1, 2, ...)");
        return p;
    }

    /** " (did you mean every?)" for a name close to one of {@code known}, else "". */
    static String didYouMean(String wrong, Collection<String> known) {
        List<String> close = fwsh.wire.DidYouMean.suggest(wrong, known);
        return close.isEmpty() ? "" : " (did you mean " + close.get(0) + "?)";
    }
}
