package fwsh.shell;

/**
 * Lets long printing stop at Ctrl-C: the REPL renders on its evaluation thread, which Ctrl-C interrupts;
 * rendering loops call {@link #check()} and unwind as user code compiled with ThreadInterrupt does.
 */
final class Interrupts {
    private Interrupts() {
    }

    static void check() {
        if (Thread.interrupted()) throw Interrupts.<RuntimeException>sneaky(new InterruptedException());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
