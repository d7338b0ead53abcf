package fwsh.shell.cli;

import fwsh.base.ArgumentException;

/** A command-line mistake: printed as one line plus the usage hint, exit status 2. */
public final class UsageException extends ArgumentException {
    public UsageException(String message) {
        super(message);
    }
}
