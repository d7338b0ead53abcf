package fwsh.emu;

import fwsh.base.ArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests: time stands still until {@link #advance}. Devices listening to it catch up
 * synchronously inside advance (trace blocks are written before advance returns). Waiting on it
 * ({@link #sleep}) is advancing it, so a tail or a sampler over an emulated device runs as fast as the
 * CPU allows while every block, counter and timestamp is exact.
 */
public final class VirtualClock implements EmuClock {
    /** The time of day virtual time 0 stands for (2023-11-14), so records that carry one are reproducible. */
    static final long EPOCH_ORIGIN_NANOS = 1_700_000_000_000_000_000L;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public long nanos() {
        return nanos.get();
    }

    /** Moves time forward and lets every device catch up. */
    public VirtualClock advance(Duration d) {
        if (d.isNegative()) {
            throw new ArgumentException("cannot advance a clock by a negative duration " + d);
        }
        nanos.addAndGet(d.toNanos());
        for (Runnable r : listeners) r.run();
        return this;
    }

    public VirtualClock advanceMillis(long ms) {
        return advance(Duration.ofMillis(ms));
    }

    @Override
    public long epochNanos() {
        return EPOCH_ORIGIN_NANOS + nanos.get();
    }

    /** Advances by {@code d}; an interrupt pending before the call throws instead (Ctrl-C still ends a wait). */
    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        if (!d.isNegative()) advance(d);
    }

    @Override
    public void addListener(Runnable onAdvance) {
        listeners.add(onAdvance);
    }

    @Override
    public void removeListener(Runnable onAdvance) {
        listeners.remove(onAdvance);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }

    @Override
    public String toString() {
        return "VirtualClock(" + Duration.ofNanos(nanos.get()) + ")";
    }
}
