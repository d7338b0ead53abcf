package fwsh.abi;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The calling thread's scheduling knobs on Linux, bound with JNA direct mapping on first use: timer slack
 * (prctl PR_SET_TIMERSLACK / PR_GET_TIMERSLACK), its thread id (gettid) and nice value (setpriority). A failing
 * call throws {@link LastErrorException}; where the C library cannot be bound the first call throws a
 * {@link LinkageError}.
 */
public final class ThreadSched {
    static final int PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30, PRIO_PROCESS = 0;
    private static final long SYS_GETTID_X86_64 = 186, SYS_GETTID_AARCH64 = 178;

    private ThreadSched() {
    }

    /** The direct-mapped natives, in a holder so the library loads on first use only. */
    private static final class C {
        static {
            Native.register(C.class, Platform.C_LIBRARY_NAME);
        }

        static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

        static native int setpriority(int which, int who, int prio) throws LastErrorException;

        static native long syscall(long number) throws LastErrorException;
    }

    /** Sets the calling thread's timer slack (the kernel's default is 50 µs). */
    public static void setTimerSlack(long nanos) {
        C.prctl(PR_SET_TIMERSLACK, nanos, 0, 0, 0);
    }

    /** The calling thread's timer slack in nanoseconds. */
    public static long timerSlack() {
        return C.prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0);
    }

    /** The calling thread's kernel thread id, or -1 on an architecture whose gettid number is not known here. */
    public static int gettid() {
        String arch = System.getProperty("os.arch", "");
        long nr = arch.equals("amd64") || arch.equals("x86_64") ? SYS_GETTID_X86_64 : arch.equals("aarch64") ? SYS_GETTID_AARCH64 : -1;
        return nr < 0 ? -1 : (int) C.syscall(nr);
    }

    /** Sets the nice value (−20..19) of thread {@code tid}. */
    public static void setNice(int tid, int value) {
        C.setpriority(PRIO_PROCESS, tid, value);
    }
}
