package fwsh.counters;

import fwsh.base.ArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates threshold rules on every sample of a {@link Sampler} (it is the sampler's listener). A breach is reported
 * to the callback when a rule starts to hold (edge-triggered: a rule that stays true is reported once, and again after
 * it cleared); {@link #render()} gives the lines of a live table; {@link #exitStatus()} says whether anything breached.
 * <pre>
 * Watch w = Watch.of(source, List.of("'rx_crc_errors_phy' rate > 0", "temperature > 70"), List.of(), System.out::println);
 * w.sampler(Duration.ofSeconds(1)).duration(Duration.ofMinutes(5)).run();
 * System.exit(w.exitStatus());
 * </pre>
 */
public final class Watch implements SampleListener {

    /** Exit status when no rule breached. */
    public static final int OK = 0;
    /** Exit status when at least one rule breached. (2 is left for usage errors such as a bad rule.) */
    public static final int BREACHED = 3;

    private static final int HISTORY = 30;

    private final CounterSelection selection;
    private final List<WatchRule> rules;
    private final int[] ruleIndex;
    private final Consumer<Breach> onBreach;
    private final Ticker wall;
    private final long[] prev, last;
    private final double[] lastDelta, lastRate;
    private final double[][] history;
    private final boolean[] ruleActive;
    private final double[] ruleObserved;
    private final List<Breach> breaches = new ArrayList<>();
    private long prevT = Long.MIN_VALUE, prevDev = CounterSource.NO_DEVICE_TIME, samples;
    private int historyLen, historyPos;

    /**
     * @param rules    rule texts (see {@link WatchRule#parse})
     * @param alsoShow counters to show in the live view without a rule
     * @param onBreach called on the sampler thread for each breach (may be null)
     */
    public static Watch of(CompositeSource source, List<String> rules, List<String> alsoShow, Consumer<Breach> onBreach) {
        List<WatchRule> parsed = new ArrayList<>();
        for (String r : rules) parsed.add(WatchRule.parse(r));
        if (parsed.isEmpty()) throw new ArgumentException("watch needs at least one rule, e.g. 'rx_crc_errors_phy' rate > 0");
        Set<String> names = new LinkedHashSet<>();
        for (WatchRule r : parsed) names.add(source.def(r.counter()).name());
        for (String n : alsoShow) names.add(source.def(n).name());
        return new Watch(source.select(new ArrayList<>(names)), parsed, onBreach, null);
    }

    /** @param wall used for breach wall-clock stamps; null = system clock */
    public Watch(CounterSelection selection, List<WatchRule> rules, Consumer<Breach> onBreach, Ticker wall) {
        this.selection = selection;
        this.rules = List.copyOf(rules);
        this.onBreach = onBreach;
        this.wall = wall;
        List<String> names = selection.defs().stream().map(CounterDef::name).toList();
        this.ruleIndex = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            int k = names.indexOf(rules.get(i).counter());
            if (k < 0) throw new ArgumentException(Names.unknown("counter", rules.get(i).counter(), names, "in watch rule " + rules.get(i).text()));
            ruleIndex[i] = k;
        }
        int n = selection.size();
        prev = new long[n];
        last = new long[n];
        lastDelta = new double[n];
        lastRate = new double[n];
        java.util.Arrays.fill(lastDelta, Double.NaN);
        java.util.Arrays.fill(lastRate, Double.NaN);
        history = new double[n][HISTORY];
        ruleActive = new boolean[rules.size()];
        ruleObserved = new double[rules.size()];
        java.util.Arrays.fill(ruleObserved, Double.NaN);
    }

    public CounterSelection selection() {
        return selection;
    }

    public List<WatchRule> rules() {
        return rules;
    }

    /** A sampler builder for this watch: its selection, this listener, no ring. */
    public Sampler.Builder sampler(Duration every) {
        return Sampler.builder(selection).every(every).ring(0).listener(this);
    }

    @Override
    public synchronized void onSample(long tNanos, long deviceNanos, long[] values) {
        int n = values.length;
        boolean first = prevT == Long.MIN_VALUE;
        long dt = first ? 0 : (deviceNanos != CounterSource.NO_DEVICE_TIME && prevDev != CounterSource.NO_DEVICE_TIME
                ? deviceNanos - prevDev : tNanos - prevT);
        for (int i = 0; i < n; i++) {
            CounterDef d = selection.defs().get(i);
            last[i] = values[i];
            if (!first) {
                long delta = Delta.counterDelta(d, prev[i], values[i]);
                lastDelta[i] = delta;
                lastRate[i] = dt > 0 ? delta * 1e9 / dt : Double.NaN;
            }
            history[i][historyPos] = d.isGauge() ? values[i] : lastRate[i];
            prev[i] = values[i];
        }
        if (!first || isGaugeOnly()) {
            historyPos = (historyPos + 1) % HISTORY;
            historyLen = Math.min(HISTORY, historyLen + 1);
        }
        prevT = tNanos;
        prevDev = deviceNanos;
        samples++;
        for (int r = 0; r < rules.size(); r++) {
            WatchRule rule = rules.get(r);
            int i = ruleIndex[r];
            double observed = switch (rule.metric()) {
                case VALUE -> selection.defs().get(i).isGauge() ? (double) values[i] : unsigned(values[i]);
                case DELTA -> lastDelta[i];
                case RATE -> lastRate[i];
            };
            ruleObserved[r] = observed;
            boolean now = rule.breached(observed);
            if (now && !ruleActive[r]) {
                CounterDef d = selection.defs().get(i);
                String unit = rule.metric() == WatchRule.Metric.RATE ? Units.rateUnit(d.unit()) : d.unit();
                Breach b = new Breach(rule, tNanos, wall != null ? wall.wallMillis() : System.currentTimeMillis(), observed, unit);
                breaches.add(b);
                if (onBreach != null) onBreach.accept(b);
            }
            ruleActive[r] = now;
        }
    }

    private boolean isGaugeOnly() {
        for (CounterDef d : selection.defs()) if (!d.isGauge()) return false;
        return true;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0;
    }

    /** Breaches so far, in order. */
    public synchronized List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    /** Samples evaluated so far. */
    public synchronized long samples() {
        return samples;
    }

    /** Every breach, one row each, for CSV. */
    public synchronized List<java.util.Map<String, Object>> toRows() {
        return breaches.stream().map(Breach::toMap).toList();
    }

    /** The watch as JSON shows it: rules, samples, breaches and the exit status a health check would get. */
    public synchronized java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rules", rules.stream().map(WatchRule::toString).toList());
        m.put("samples", samples);
        m.put("breaches", toRows());
        m.put("exitStatus", exitStatus());
        return m;
    }

    /** {@link #OK} (0) when nothing breached, {@link #BREACHED} (3) otherwise. */
    public synchronized int exitStatus() {
        return breaches.isEmpty() ? OK : BREACHED;
    }

    /**
     * The live view: a header line, then one aligned row per counter — name, value, rate (or change for gauges),
     * sparkline of the last 30 samples' rates (values for gauges), and "!! rule" while a rule on it holds.
     */
    public synchronized List<String> render() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < selection.size(); i++) {
            CounterDef d = selection.defs().get(i);
            double[] h = new double[historyLen];
            for (int k = 0; k < historyLen; k++) h[k] = history[i][(historyPos - historyLen + k + HISTORY) % HISTORY];
            StringBuilder marks = new StringBuilder();
            for (int r = 0; r < rules.size(); r++)
                if (ruleIndex[r] == i && ruleActive[r]) marks.append(marks.length() == 0 ? "!! " : "; ").append(rules.get(r));
            String rate = Double.isNaN(lastRate[i]) ? "-" : Units.formatRate(lastRate[i], d.unit());
            rows.add(new String[]{d.name(), samples == 0 ? "-" : Units.value(last[i], d) + (d.unit().isEmpty() ? "" : " " + d.unit()),
                    rate, Sparkline.of(h, HISTORY), marks.toString()});
        }
        String table = TextTable.render(new String[]{"name", "value", "rate", "last " + HISTORY, "breach"}, rows);
        List<String> lines = new ArrayList<>();
        lines.add("watch: " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + ", " + samples + " samples, "
                + breaches.size() + " breach" + (breaches.size() == 1 ? "" : "es"));
        lines.addAll(List.of(table.split("\n")));
        return lines;
    }

    /** One line: rules, samples, breaches and the exit status a health check would get. */
    @Override
    public synchronized String toString() {
        return "watch: " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + ", " + samples + " samples, "
                + breaches.size() + " breach" + (breaches.size() == 1 ? "" : "es") + "; exit status " + exitStatus();
    }
}
