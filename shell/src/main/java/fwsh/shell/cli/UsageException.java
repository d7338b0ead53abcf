package fwsh.shell.cli;

/** A command-line mistake: printed as one line plus the usage hint, exit status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
