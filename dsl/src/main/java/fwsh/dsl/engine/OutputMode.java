package fwsh.dsl.engine;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Whether a program reads the output (batch runs with {@code --format json} or {@code csv}). Then stdout carries
 * only data: commands that stream records (tail, decode) write JSON lines by default, and the lines meant for a
 * person (a tail's summary, a watch's breaches, notes) go to the diagnostics stream, stderr. One per process,
 * as the output streams are; the shell sets it for a batch run and clears it after.
 */
public final class OutputMode {
    private static volatile boolean structured;
    private static volatile PrintStream diagnostics = System.err;

    private OutputMode() {
    }

    public static void set(boolean structuredOutput, PrintStream diagnosticStream) {
        diagnostics = diagnosticStream;
        structured = structuredOutput;
    }

    public static void clear() {
        structured = false;
        diagnostics = System.err;
    }

    public static boolean structured() {
        return structured;
    }

    public static PrintStream diagnostics() {
        return diagnostics;
    }

    /** Where a line for a person goes that would otherwise go to {@code out}: stderr in structured mode. */
    public static Appendable forPeople(Appendable out) {
        return structured ? diagnostics : out;
    }

    /** Prints one line for a person (see {@link #forPeople}). */
    public static void note(Appendable out, String line) {
        Appendable to = forPeople(out);
        try {
            to.append(line).append('\n');
            if (to instanceof Flushable f) f.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
