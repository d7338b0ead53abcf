package fwsh.backend;

import fwsh.abi.ThreadSched;

import java.util.Locale;

/**
 * Per-thread scheduling tweaks for the sampler thread on Linux, all best effort (false where unavailable):
 * <ul>
 * <li>timer slack (default 50 µs) shrunk with prctl(PR_SET_TIMERSLACK), so parkNanos wakes within a few µs and the
 * sampler spins less;</li>
 * <li>a lower nice value with setpriority(PRIO_PROCESS, tid), so a busy machine preempts the sampler less (needs
 * CAP_SYS_NICE or a permissive RLIMIT_NICE; opt-in).</li>
 * </ul>
 */
public final class ThreadTuning {
    private static volatile boolean unavailable = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    private ThreadTuning() {
    }

    /** Sets the calling thread's timer slack to {@code nanos}. */
    public static boolean timerSlack(long nanos) {
        if (unavailable) return false;
        try {
            ThreadSched.setTimerSlack(nanos);
            return true;
        } catch (LinkageError e) {
            unavailable = true;
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Sets the calling thread's nice value (−20..19; lower runs first). */
    public static boolean nice(int value) {
        if (unavailable) return false;
        try {
            int tid = ThreadSched.gettid();
            if (tid <= 0) return false;
            ThreadSched.setNice(tid, value);
            return true;
        } catch (LinkageError e) {
            unavailable = true;
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
