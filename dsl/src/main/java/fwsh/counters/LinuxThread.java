package fwsh.counters;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Per-thread scheduling tweaks for the sampler thread on Linux, all best effort (false where unavailable):
 * <ul>
 * <li>timer slack (default 50 µs) shrunk with prctl(PR_SET_TIMERSLACK), so parkNanos wakes within a few µs and the
 * sampler spins less;</li>
 * <li>a lower nice value with setpriority(PRIO_PROCESS, tid), so a busy machine preempts the sampler less (needs
 * CAP_SYS_NICE or a permissive RLIMIT_NICE; opt-in).</li>
 * </ul>
 */
final class LinuxThread {
    private static final int PR_SET_TIMERSLACK = 29, PRIO_PROCESS = 0;
    private static final long SYS_GETTID_X86_64 = 186, SYS_GETTID_AARCH64 = 178;

    interface Libc extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int setpriority(int which, int who, int prio);

        long syscall(long number);
    }

    private static volatile Libc libc;
    private static volatile boolean unavailable;

    private LinuxThread() {
    }

    private static Libc libc() {
        if (unavailable || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return null;
        try {
            Libc c = libc;
            if (c == null) libc = c = Native.load("c", Libc.class);
            return c;
        } catch (Throwable t) {
            unavailable = true;
            return null;
        }
    }

    /** Sets the calling thread's timer slack to {@code nanos}. */
    static boolean timerSlack(long nanos) {
        Libc c = libc();
        try {
            return c != null && c.prctl(PR_SET_TIMERSLACK, nanos, 0, 0, 0) == 0;
        } catch (Throwable t) {
            return false;
        }
    }

    /** Sets the calling thread's nice value (−20..19; lower runs first). */
    static boolean nice(int value) {
        Libc c = libc();
        if (c == null) return false;
        String arch = System.getProperty("os.arch", "");
        long nr = arch.equals("amd64") || arch.equals("x86_64") ? SYS_GETTID_X86_64 : arch.equals("aarch64") ? SYS_GETTID_AARCH64 : -1;
        if (nr < 0) return false;
        try {
            int tid = (int) c.syscall(nr);
            return tid > 0 && c.setpriority(PRIO_PROCESS, tid, value) == 0;
        } catch (Throwable t) {
            return false;
        }
    }
}
