package fwsh.counters;

/** The sampler's notion of time, so tests can run it on virtual time. */
public interface Ticker {

    /** Monotonic nanoseconds. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, for display and exports. */
    long wallMillis();

    /**
     * Returns once {@link #nanoTime()} ≥ {@code deadline}, or early when the thread is interrupted or
     * {@code wake} was set by another thread (callers re-check both).
     */
    void waitUntil(long deadline, java.util.concurrent.atomic.AtomicBoolean wake);

    /** Real time: {@link System#nanoTime()}, waiting by parking then spinning the last stretch. One per sampler (it adapts). */
    static Ticker system() {
        return new SystemTicker();
    }
}
