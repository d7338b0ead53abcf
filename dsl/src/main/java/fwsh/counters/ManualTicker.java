package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Virtual time for tests and emulators: time moves only when {@link #advance} is called or when a waiter asks
 * to wait until a deadline (time jumps there at once), so a sampler runs as fast as the CPU allows while every
 * timestamp is exact.
 */
public final class ManualTicker implements Ticker {
    private volatile long now;
    private final long wallOrigin;

    public ManualTicker(long startNanos) {
        this.now = startNanos;
        this.wallOrigin = 1_700_000_000_000L;
    }

    public ManualTicker() {
        this(0);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** A fixed origin plus virtual time, so exports are reproducible. */
    @Override
    public long wallMillis() {
        return wallOrigin + now / 1_000_000;
    }

    public synchronized void advance(long nanos) {
        if (nanos < 0) throw new ArgumentException("virtual time cannot go back (advance by " + nanos + " ns)");
        now += nanos;
    }

    public synchronized void set(long nanos) {
        if (nanos < now) throw new ArgumentException("virtual time cannot go back from " + now + " to " + nanos + " ns");
        now = nanos;
    }

    @Override
    public void waitUntil(long deadline, AtomicBoolean wake) {
        if (wake.get() || Thread.currentThread().isInterrupted()) return;
        synchronized (this) {
            if (deadline > now) now = deadline;
        }
    }
}
