package fwsh.shell.cli;

import sun.misc.Signal;

/** Signal handlers for the long-running subcommands (serve, bundle): SIGTERM and SIGINT end them cleanly. */
public final class Signals {
    private Signals() {
    }

    /** Runs {@code action} when the process gets signal {@code name} ("TERM", "INT"). */
    public static void on(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), s -> action.run());
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal (-Xrs): its default behaviour stays
        }
    }
}
