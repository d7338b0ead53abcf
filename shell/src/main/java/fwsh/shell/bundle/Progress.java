package fwsh.shell.bundle;

import java.io.PrintStream;

/**
 * What fwsh bundle shows while it collects, on stderr: on a terminal one line that is rewritten for each phase; in
 * batch (no terminal, CI logs) one plain line per phase.
 */
public final class Progress {
    private final PrintStream err;
    private final boolean terminal;
    private int shown;

    public Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** No output at all (the pack-spec hook). */
    public static Progress silent() {
        return new Progress(null, false);
    }

    synchronized void phase(int n, int total, String what) {
        if (err == null) return;
        String line = "fwsh bundle: [" + n + "/" + total + "] " + what;
        if (!terminal) {
            err.println(line);
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = Math.max(shown, line.length()); // the padding blanked the rest, which is still on the line
    }

    /** Clears the terminal line before the summary is printed. */
    synchronized void done() {
        if (err == null || !terminal || shown == 0) return;
        err.print("\r" + " ".repeat(shown) + "\r");
        err.flush();
        shown = 0;
    }
}
