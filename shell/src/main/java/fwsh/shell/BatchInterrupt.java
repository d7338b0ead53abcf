package fwsh.shell;

import sun.misc.Signal;

/**
 * Ctrl-C in a batch run interrupts the script thread (so the session still closes and releases the device);
 * a second Ctrl-C exits at once.
 */
final class BatchInterrupt {
    private BatchInterrupt() {
    }

    static void install() {
        Thread target = Thread.currentThread();
        boolean[] seen = {false};
        try {
            Signal.handle(new Signal("INT"), s -> {
                if (seen[0]) Runtime.getRuntime().halt(Main.EXIT_INTERRUPTED);
                seen[0] = true;
                target.interrupt();
            });
        } catch (IllegalArgumentException e) {
            // INT is not ours to handle (e.g. -Xrs): keep the default behaviour.
        }
    }
}
