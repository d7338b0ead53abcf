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

    /** The batch-mode line: {@code BREACH <time> <rule>: <metric> = <observed> <unit>}. */
    @Override
    public String toString() {
        return "BREACH " + Instant.ofEpochMilli(wallMillis) + " " + rule + ": " + rule.metric().name().toLowerCase(java.util.Locale.ROOT)
                + " = " + Units.number(observed) + (unit.isEmpty() ? "" : " " + unit);
    }
}
