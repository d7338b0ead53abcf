package fwsh.dsl.counters;

import fwsh.counters.Ticker;
import fwsh.emu.VirtualClock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Time from an emulator's virtual clock: waiting until a deadline advances the clock there at once, so a sampler
 * over an emulated device runs as fast as the CPU allows while every counter and timestamp is exact.
 */
final class EmuTicker implements Ticker {
    private static final long WALL_ORIGIN = 1_700_000_000_000L;
    private final VirtualClock clock;

    EmuTicker(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public long nanoTime() {
        return clock.nanos();
    }

    @Override
    public long wallMillis() {
        return WALL_ORIGIN + clock.nanos() / 1_000_000;
    }

    @Override
    public void waitUntil(long deadline, AtomicBoolean wake) {
        if (wake.get() || Thread.currentThread().isInterrupted()) return;
        synchronized (this) {
            long now = clock.nanos();
            if (deadline > now) clock.advance(Duration.ofNanos(deadline - now));
        }
    }
}
