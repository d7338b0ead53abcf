package fwsh.emu;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for tests: time stands still until {@link #advance}. Devices listening to it catch up
 * synchronously inside advance (trace blocks are written before advance returns).
 */
public final class VirtualClock implements EmuClock {
    private final AtomicLong nanos = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public long nanos() {
        return nanos.get();
    }

    /** Moves time forward and lets every device catch up. */
    public VirtualClock advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot advance a clock by a negative duration " + d);
        }
        nanos.addAndGet(d.toNanos());
        for (Runnable r : listeners) r.run();
        return this;
    }

    public VirtualClock advanceMillis(long ms) {
        return advance(Duration.ofMillis(ms));
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
