package fwsh.channel;

import java.time.Duration;
import java.time.Instant;

/**
 * A device's time, as the layers above a channel use it: how long a tail or a sampling interval has run, how to
 * wait between polls, and the time of day stamped on records. A kernel device runs on the host's clock. The
 * emulator runs on its own clock, which may be virtual: time then moves only when someone waits, and the waiting
 * itself makes the device catch up (trace blocks written, counters advanced), so every result is exact.
 *
 * <p>Decorators (recording, the session's guarded channel) hand on the clock of the channel they wrap, so wrapping
 * never changes how time runs.
 */
public interface DeviceClock {
    /** Monotonic nanoseconds since an arbitrary origin. */
    long nanos();

    /** Nanoseconds since the epoch, for records that carry the time of day (a capture's host time). */
    long epochNanos();

    /**
     * Waits {@code d} of device time. A real clock sleeps, and an interrupt (Ctrl-C) ends the wait with
     * InterruptedException; a virtual clock moves forward by {@code d} at once (an interrupt pending before the
     * call still throws).
     */
    void sleep(Duration d) throws InterruptedException;

    /** True when time moves only through {@link #sleep} (a virtual clock): nothing happens in real time. */
    default boolean isVirtual() {
        return false;
    }

    /** The host's clock: {@link System#nanoTime()}, {@link Instant#now()}, {@link Thread#sleep}. */
    static DeviceClock host() {
        return Host.INSTANCE;
    }

    /** The host clock: what every kernel channel answers. */
    final class Host implements DeviceClock {
        static final Host INSTANCE = new Host();

        private Host() {
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public long epochNanos() {
            return epochNow();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            sleepReal(d);
        }

        @Override
        public String toString() {
            return "host clock";
        }

        /** Wall time now, in nanoseconds since the epoch. */
        public static long epochNow() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        /** Thread.sleep for a Duration; a zero or negative one only checks for a pending interrupt. */
        public static void sleepReal(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            else if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
