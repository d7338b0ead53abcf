package fwsh.counters;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Linux lets a thread shrink its timer slack (default 50 µs) with prctl(PR_SET_TIMERSLACK), so parkNanos wakes
 * within a few µs and the sampler spins less. Best effort: anywhere this fails the sampler just spins more.
 */
final class TimerSlack {
    private static final int PR_SET_TIMERSLACK = 29;

    interface Libc extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    private static volatile Libc libc;
    private static volatile boolean unavailable;

    private TimerSlack() {
    }

    /** Sets the calling thread's timer slack to {@code nanos}; returns false when not possible. */
    static boolean set(long nanos) {
        if (unavailable || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return false;
        try {
            Libc c = libc;
            if (c == null) libc = c = Native.load("c", Libc.class);
            return c.prctl(PR_SET_TIMERSLACK, nanos, 0, 0, 0) == 0;
        } catch (Throwable t) {
            unavailable = true;
            return false;
        }
    }
}
