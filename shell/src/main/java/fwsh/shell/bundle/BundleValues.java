package fwsh.shell.bundle;

import fwsh.shell.cli.Converters;

/** {@code fwsh bundle}'s option values, checked while the command line is parsed (a bad one is exit 2). */
final class BundleValues {
    private BundleValues() {
    }

    /** A bundle only reads: its ceiling is debug-read-only. */
    static final class ReadOnlyScope extends Converters.ReadOnlyScope {
        ReadOnlyScope() {
            super("fwsh bundle");
        }
    }
}
