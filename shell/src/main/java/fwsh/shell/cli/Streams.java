package fwsh.shell.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command reads and prints to: System's from the launcher, a spec's own in tests. */
public record Streams(InputStream in, PrintStream out, PrintStream err) {
}
