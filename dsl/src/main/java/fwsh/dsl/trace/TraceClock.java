package fwsh.dsl.trace;

import fwsh.emu.VirtualClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a tail or capture runs on: how long it has run, how it waits between polls, and the host time a
 * capture stamps on each block. The system clock normally; specs and harnesses drive the emulator's
 * {@link VirtualClock} instead, so waiting one poll interval is advancing virtual time (deterministic).
 */
public interface TraceClock {
    /** Monotonic nanoseconds. */
    long nanos();

    /** Waits {@code d}; an interrupt (Ctrl-C) ends the wait with InterruptedException. */
    void sleep(Duration d) throws InterruptedException;

    /** Host time in nanoseconds since the epoch, for capture records. */
    long epochNanos();

    static TraceClock system() {
        return new TraceClock() {
            @Override public long nanos() { return System.nanoTime(); }

            @Override public void sleep(Duration d) throws InterruptedException {
                if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
                else if (Thread.interrupted()) throw new InterruptedException();
            }

            @Override public long epochNanos() {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override public String toString() { return "system clock"; }
        };
    }

    /** Waiting advances {@code clock} (the emulator writes every block that falls due before this returns). */
    static TraceClock virtual(VirtualClock clock) {
        return new TraceClock() {
            @Override public long nanos() { return clock.nanos(); }

            @Override public void sleep(Duration d) throws InterruptedException {
                if (Thread.interrupted()) throw new InterruptedException();
                clock.advance(d);
            }

            @Override public long epochNanos() { return clock.nanos(); }

            @Override public String toString() { return "virtual " + clock; }
        };
    }
}
