package fwsh.emu;

/**
 * The emulator's notion of time. Everything that changes with time (counters, temperatures, trace
 * blocks, diagnostic samples) is a pure function of this clock, so a virtual clock makes it exact.
 */
public interface EmuClock {
    /** Monotonic nanoseconds since an arbitrary origin. */
    long nanos();

    /** Called when a device starts following this clock; virtual clocks use it to push catch-up work. */
    default void addListener(Runnable onAdvance) {
    }

    default void removeListener(Runnable onAdvance) {
    }

    default boolean isVirtual() {
        return false;
    }

    /** Wall time (System.nanoTime). The default. */
    static EmuClock system() {
        return SystemClock.INSTANCE;
    }

    /** A clock that only moves when {@link VirtualClock#advance} is called; starts at 0. */
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
    }
}
