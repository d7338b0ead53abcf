package fwsh.counters;

/**
 * How well a sampler kept its schedule.
 *
 * @param periodNanos       requested period
 * @param requested         samples the schedule asked for so far (taken + missed)
 * @param taken             samples read
 * @param missed            schedule slots skipped because the sampler fell a whole period or more behind
 * @param dropped           samples pushed out of the in-memory ring (still in the file, if one was written)
 * @param elapsedNanos      time from the first to the last sample
 * @param meanIntervalNanos mean time between consecutive samples
 * @param p50ErrorNanos     median |interval − period| (1 µs resolution)
 * @param p99ErrorNanos     99th percentile |interval − period| (1 µs resolution)
 * @param maxErrorNanos     largest |interval − period|
 * @param meanLatenessNanos mean delay of a read after its scheduled instant
 * @param cpuNanos          CPU time the sampler thread used (−1 when the JVM cannot measure it)
 * @param failure           why the sampler stopped early, or null
 */
public record SamplerStats(long periodNanos, long requested, long taken, long missed, long dropped, long elapsedNanos,
                           double meanIntervalNanos, long p50ErrorNanos, long p99ErrorNanos, long maxErrorNanos,
                           double meanLatenessNanos, long cpuNanos, String failure) {

    /** The statistics as JSON shows them: every component, then achievedHz, takenPercent and cpuPercent. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("periodNanos", periodNanos);
        m.put("requested", requested);
        m.put("taken", taken);
        m.put("missed", missed);
        m.put("dropped", dropped);
        m.put("elapsedNanos", elapsedNanos);
        m.put("meanIntervalNanos", meanIntervalNanos);
        m.put("p50ErrorNanos", p50ErrorNanos);
        m.put("p99ErrorNanos", p99ErrorNanos);
        m.put("maxErrorNanos", maxErrorNanos);
        m.put("meanLatenessNanos", meanLatenessNanos);
        m.put("cpuNanos", cpuNanos);
        m.put("achievedHz", achievedHz());
        m.put("takenPercent", takenPercent());
        m.put("cpuPercent", cpuPercent());
        m.put("failure", failure);
        return m;
    }

    /** Samples per second actually achieved. */
    public double achievedHz() {
        return taken < 2 || elapsedNanos <= 0 ? Double.NaN : (taken - 1) * 1e9 / elapsedNanos;
    }

    /** Percentage of requested samples that were taken. */
    public double takenPercent() {
        return requested == 0 ? 100.0 : 100.0 * taken / requested;
    }

    /** CPU use of the sampler thread as a percentage of one core over its run. */
    public double cpuPercent() {
        return cpuNanos < 0 || elapsedNanos <= 0 ? Double.NaN : 100.0 * cpuNanos / elapsedNanos;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%d/%d samples (%.2f%%), %d missed, %d dropped, %.1f Hz of %.1f Hz requested; interval error p50 %s p99 %s max %s; cpu %.1f%%%s",
                taken, requested, takenPercent(), missed, dropped, achievedHz(), 1e9 / periodNanos,
                Units.duration(p50ErrorNanos), Units.duration(p99ErrorNanos), Units.duration(maxErrorNanos), cpuPercent(),
                failure == null ? "" : "; stopped: " + failure);
    }
}
