package fwsh.shell.cli;

/**
 * fwsh's exit statuses, as the README's table lists them. 3 and 4 are set by check scripts through their
 * {@code exitCode} variable; the others by fwsh itself.
 */
public final class ExitCode {
    public static final int OK = 0;
    /** A script or device error (one line on stderr), or no usable device for a batch run. */
    public static final int ERROR = 1;
    /** A command-line mistake: one line naming it, then "Try 'fwsh --help'". */
    public static final int USAGE = 2;
    /** A check failed: link degraded, watch rule breached, snapshot diff found changes. */
    public static final int CHECK_FAILED = 3;
    /** The link is down (link/health.groovy). */
    public static final int LINK_DOWN = 4;
    /** Ctrl-C or an interrupted evaluation: 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
