package fwsh.counters;

/**
 * Allocation-free statistics of sampling intervals: a histogram of |interval − period| with 1 µs bins up to
 * 100 ms (exact max kept separately), plus sums for the mean interval.
 */
final class IntervalStats {
    private static final int BINS = 100_000;
    private final int[] hist = new int[BINS + 1];
    private long count, sumInterval, maxError, sumLateness, maxLateness;

    void add(long interval, long period, long lateness) {
        long err = Math.abs(interval - period);
        int bin = (int) Math.min(BINS, err / 1000);
        hist[bin]++;
        count++;
        sumInterval += interval;
        if (err > maxError) maxError = err;
        sumLateness += lateness;
        if (lateness > maxLateness) maxLateness = lateness;
    }

    long count() {
        return count;
    }

    double meanInterval() {
        return count == 0 ? Double.NaN : (double) sumInterval / count;
    }

    double meanLateness() {
        return count == 0 ? Double.NaN : (double) sumLateness / count;
    }

    long maxError() {
        return maxError;
    }

    long maxLateness() {
        return maxLateness;
    }

    /** Upper edge of the 1 µs bin holding quantile {@code q} of the interval error, in ns (≤ max error). */
    long errorQuantile(double q) {
        if (count == 0) return 0;
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i <= BINS; i++) {
            seen += hist[i];
            if (seen >= rank) return Math.min(maxError, (i + 1) * 1000L);
        }
        return maxError;
    }
}
