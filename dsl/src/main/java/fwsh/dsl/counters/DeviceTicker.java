package fwsh.dsl.counters;

import fwsh.channel.DeviceClock;
import fwsh.counters.Ticker;
import fwsh.dsl.engine.DeviceAccess;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sampler's time on a device whose clock is virtual (the emulator in tests): waiting until a deadline moves the
 * device's clock there at once, so sampling runs as fast as the CPU allows while every counter and timestamp is
 * exact. On a real clock the sampler keeps its own precise waits ({@link Ticker#system()}).
 */
final class DeviceTicker implements Ticker {
    private final DeviceClock clock;

    private DeviceTicker(DeviceClock clock) {
        this.clock = clock;
    }

    /** The device's time, asked of its channel (a recording hands on the clock of the channel it wraps). */
    static Ticker of(DeviceAccess device) {
        DeviceClock c = device.rawChannel().clock();
        return c.isVirtual() ? new DeviceTicker(c) : Ticker.system();
    }

    @Override
    public long nanoTime() {
        return clock.nanos();
    }

    @Override
    public long wallMillis() {
        return clock.epochNanos() / 1_000_000;
    }

    @Override
    public void waitUntil(long deadline, AtomicBoolean wake) {
        if (wake.get() || Thread.currentThread().isInterrupted()) return;
        synchronized (this) {
            long now = clock.nanos();
            if (deadline <= now) return;
            try {
                clock.sleep(Duration.ofNanos(deadline - now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the caller re-checks the interrupt
            }
        }
    }
}
