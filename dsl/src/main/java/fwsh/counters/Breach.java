package fwsh.counters;

import java.time.Instant;

/**
 * A rule that started to hold.
 *
 * @param tNanos    sampler time of the sample that breached, ns since the watch started
 * @param observed  the value, delta or rate that breached
 * @param unit      unit of {@code observed}
 */
public record Breach(WatchRule rule, long tNanos, long wallMillis, double observed, String unit) {

    /** The breach as JSON shows it: time, rule (and its parts), observed value and unit. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("time", Instant.ofEpochMilli(wallMillis).toString());
        m.put("tNanos", tNanos);
        m.put("rule", rule.toString());
        m.put("counter", rule.counter());
        m.put("metric", rule.metric().name().toLowerCase(java.util.Locale.ROOT));
        m.put("op", rule.op().symbol());
        m.put("threshold", rule.threshold());
        m.put("observed", observed);
        m.put("unit", unit);
        return m;
    }

    /** The batch-mode line: {@code BREACH <time> <rule>: <metric> = <observed> <unit>}. */
    @Override
    public String toString() {
        return "BREACH " + Instant.ofEpochMilli(wallMillis) + " " + rule + ": " + rule.metric().name().toLowerCase(java.util.Locale.ROOT)
                + " = " + Units.number(observed) + (unit.isEmpty() ? "" : " " + unit);
    }
}
