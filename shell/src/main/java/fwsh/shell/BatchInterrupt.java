package fwsh.shell;

import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C in a batch run interrupts the script thread (so the session still closes and releases the device);
 * a second Ctrl-C exits, and the shutdown hook still releases the device (waiting at most a few seconds);
 * a third one exits at once.
 */
final class BatchInterrupt {
    private BatchInterrupt() {
    }

    static void install() {
        Thread target = Thread.currentThread();
        AtomicInteger seen = new AtomicInteger();
        try {
            Signal.handle(new Signal("INT"), s -> {
                int n = seen.incrementAndGet();
                if (n == 1) target.interrupt();
                else if (n == 2) System.exit(Main.EXIT_INTERRUPTED);
                else Runtime.getRuntime().halt(Main.EXIT_INTERRUPTED);
            });
        } catch (IllegalArgumentException e) {
            // INT is not ours to handle (e.g. -Xrs): keep the default behaviour.
        }
    }
}
