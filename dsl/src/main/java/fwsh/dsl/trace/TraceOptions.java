package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.dsl.engine.OutputMode;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The named options of start/tail/capture/decode, checked once: an unknown name or a bad value is one line
 * naming the option and what it takes.
 */
final class TraceOptions {
    static final Set<String> NAMES = Set.of("for", "every", "count", "grep", "events", "realTs", "json", "out",
            "wait", "logPages", "tracefs", "print", "dbCheck");
    static final Duration DEFAULT_EVERY = Duration.ofMillis(20);
    static final Duration OWNERSHIP_RETRY = Duration.ofMillis(100);

    Duration forDuration;
    Duration every = DEFAULT_EVERY;
    long count;
    Pattern grep;
    int[] events;
    boolean realTs;
    boolean json;
    Appendable out;
    /** Whether the caller chose {@code out:} (then everything goes there). */
    boolean outGiven;
    Duration wait;
    int logPages = 6;
    boolean logPagesGiven;
    java.nio.file.Path tracefs;
    Boolean print;
    Duration dbCheck = Duration.ofSeconds(1);

    static TraceOptions parse(Map<String, ?> m) {
        TraceOptions o = new TraceOptions();
        if (m == null) m = Map.of();
        for (Map.Entry<String, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (!NAMES.contains(k)) {
                List<String> names = new ArrayList<>(NAMES);
                names.sort(null);
                throw new FwshException("unknown tracer option '" + k + ":'; options: " + String.join(", ", names));
            }
            if (v == null) continue;
            switch (k) {
                case "for" -> o.forDuration = positive(k, duration(k, v));
                case "every" -> o.every = positive(k, duration(k, v));
                case "wait" -> o.wait = duration(k, v);
                case "dbCheck" -> o.dbCheck = positive(k, duration(k, v));
                case "count" -> {
                    o.count = integer(k, v);
                    if (o.count < 1) throw new FwshException("count: " + v + " must be at least 1");
                }
                case "grep" -> o.grep = pattern(v);
                case "events" -> o.events = eventIds(v);
                case "realTs" -> o.realTs = bool(k, v);
                case "json" -> o.json = bool(k, v);
                case "print" -> o.print = bool(k, v);
                case "logPages" -> {
                    long n = integer(k, v);
                    if (n < 0 || n > 31) throw new FwshException("logPages: " + v + " must be 0..31 (the buffer is 2^logPages 4 KB pages)");
                    o.logPages = (int) n;
                    o.logPagesGiven = true;
                }
                case "tracefs" -> o.tracefs = java.nio.file.Path.of(String.valueOf(v));
                case "out" -> {
                    if (v instanceof Appendable a) o.out = a;
                    else throw new FwshException("out: takes a Writer, PrintStream or StringBuilder, not " + v.getClass().getSimpleName());
                }
                default -> throw new IllegalStateException(k);
            }
        }
        // a structured run (--format json/csv) streams records as JSON lines unless told otherwise
        if (!m.containsKey("json") && OutputMode.structured()) o.json = true;
        o.outGiven = m.containsKey("out");
        return o;
    }

    Appendable out() {
        return out != null ? out : System.out;
    }

    void println(String line) {
        try {
            out().append(line).append('\n');
            if (out() instanceof java.io.Flushable f) f.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write trace output: " + e.getMessage(), e);
        }
    }

    /**
     * A line for a person (a summary, a note): with the default output in a structured run (--format json/csv)
     * it goes to stderr, so stdout stays data.
     */
    void note(String line) {
        if (outGiven) println(line);
        else OutputMode.note(out(), line);
    }

    void flush() {
        if (out() instanceof java.io.Flushable f) {
            try {
                f.flush();
            } catch (java.io.IOException ignored) {
                // the output is gone; nothing to report it to
            }
        }
        if (out() instanceof PrintStream p) p.flush();
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|sec|m|min|h)?");

    /** A Duration, a number of seconds, or text such as 5s, 250ms, 2min, 1h, PT5S. */
    static Duration duration(String option, Object v) {
        if (v instanceof Duration d) return d;
        if (v instanceof Number n) return Duration.ofNanos(Math.round(n.doubleValue() * 1e9));
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (RuntimeException ignored) {
                // fall through to the message
            }
        }
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            double x = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double nanos = switch (unit) {
                case "ns" -> x;
                case "us" -> x * 1e3;
                case "ms" -> x * 1e6;
                case "m", "min" -> x * 60e9;
                case "h" -> x * 3600e9;
                default -> x * 1e9;
            };
            return Duration.ofNanos(Math.round(nanos));
        }
        throw new FwshException(option + ": '" + v + "' is not a duration; write 5s, 250ms, 2min or 5.s");
    }

    private static Duration positive(String option, Duration d) {
        if (d.isNegative() || d.isZero()) throw new FwshException(option + ": " + d + " must be longer than zero");
        return d;
    }

    private static long integer(String option, Object v) {
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.decode(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new FwshException(option + ": '" + v + "' is not a number");
        }
    }

    private static boolean bool(String option, Object v) {
        if (v instanceof Boolean b) return b;
        String s = String.valueOf(v);
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        throw new FwshException(option + ": '" + v + "' is not true or false");
    }

    private static Pattern pattern(Object v) {
        if (v instanceof Pattern p) return p;
        try {
            return Pattern.compile(String.valueOf(v));
        } catch (PatternSyntaxException e) {
            throw new FwshException("grep: '" + v + "' is not a regular expression: " + e.getDescription());
        }
    }

    /** 0xb3, [0xb0, 0xb3], "0xb0,0xb3", "0xb0-0xb4". */
    static int[] eventIds(Object v) {
        List<Integer> ids = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object x : c) ids.addAll(toIds(x));
        } else if (v instanceof int[] a) {
            for (int x : a) ids.add(x);
        } else {
            ids.addAll(toIds(v));
        }
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            int id = ids.get(i);
            if (id < 0 || id > 0xff) throw new FwshException("events: event id " + id + " is out of range 0..0xff");
            out[i] = id;
        }
        return out;
    }

    private static List<Integer> toIds(Object x) {
        if (x instanceof Number n) return List.of(n.intValue());
        List<Integer> out = new ArrayList<>();
        for (String part : String.valueOf(x).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            try {
                int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    int a = Integer.decode(p.substring(0, dash).trim()), b = Integer.decode(p.substring(dash + 1).trim());
                    if (b < a || b - a > 0xff) throw new NumberFormatException();
                    for (int i = a; i <= b; i++) out.add(i);
                } else {
                    out.add(Integer.decode(p));
                }
            } catch (NumberFormatException e) {
                throw new FwshException("events: '" + p + "' is not an event id or range (write 0xb3, 0xb0-0xb4 or a list)");
            }
        }
        return out;
    }
}
