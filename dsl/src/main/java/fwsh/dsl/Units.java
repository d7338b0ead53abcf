package fwsh.dsl;

import fwsh.base.ArgumentException;

import java.time.Duration;

/**
 * Groovy extension methods for sizes and durations: {@code 4.KiB}, {@code 2.MiB}, {@code 10.ms},
 * {@code 100.us}, {@code 5.s}, {@code 2.min}. Registered in META-INF/groovy.
 */
public final class Units {
    private Units() {
    }

    public static long getKiB(Number n) {
        return bytes(n, 1L << 10);
    }

    public static long getMiB(Number n) {
        return bytes(n, 1L << 20);
    }

    public static long getGiB(Number n) {
        return bytes(n, 1L << 30);
    }

    public static Duration getUs(Number n) {
        return Duration.ofNanos(Math.round(n.doubleValue() * 1_000L));
    }

    public static Duration getMs(Number n) {
        return Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000L));
    }

    public static Duration getS(Number n) {
        return Duration.ofNanos(Math.round(n.doubleValue() * 1_000_000_000L));
    }

    public static Duration getMin(Number n) {
        return Duration.ofSeconds(Math.round(n.doubleValue() * 60));
    }

    private static long bytes(Number n, long unit) {
        double v = n.doubleValue() * unit;
        if (v < 0 || v > Long.MAX_VALUE) throw new ArgumentException("size out of range: " + n);
        return Math.round(v);
    }
}
