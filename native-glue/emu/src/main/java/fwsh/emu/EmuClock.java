package fwsh.emu;

import fwsh.channel.DeviceClock;

import java.time.Duration;

/**
 * The emulator's notion of time. Everything that changes with time (counters, temperatures, trace
 * blocks, diagnostic samples) is a pure function of this clock, so a virtual clock makes it exact.
 * It is also what the emulated device answers as its {@link DeviceClock}, so the DSL waits on it.
 */
public interface EmuClock extends DeviceClock {
    /** Called when a device starts following this clock; virtual clocks use it to push catch-up work. */
    default void addListener(Runnable onAdvance) {
    }

    default void removeListener(Runnable onAdvance) {
    }

    /** Wall time (System.nanoTime). The default. */
    static EmuClock system() {
        return SystemClock.INSTANCE;
    }

    /** A clock that only moves when {@link VirtualClock#advance} (or {@link #sleep}) is called; starts at 0. */
    static VirtualClock virtual() {
        return new VirtualClock();
    }

    final class SystemClock implements EmuClock {
        static final SystemClock INSTANCE = new SystemClock();
        private final long origin = System.nanoTime();

        private SystemClock() {
        }

        @Override
        public long nanos() {
            return System.nanoTime() - origin;
        }

        @Override
        public long epochNanos() {
            return DeviceClock.Host.epochNow();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            DeviceClock.Host.sleepReal(d);
        }

        @Override
        public String toString() {
            return "real clock";
        }
    }
}
