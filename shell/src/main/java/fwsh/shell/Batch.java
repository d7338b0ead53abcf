package fwsh.shell;

import fwsh.dsl.ScriptCache;
import fwsh.dsl.ScriptExit;
import fwsh.dsl.ScriptRunner;
import fwsh.dsl.Session;
import fwsh.dsl.engine.OutputMode;

import fwsh.shell.cli.ErrorReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Non-interactive runs: a script file, {@code -e CODE}, or code read from stdin. Nothing but the script's
 * own output (and, for -e and stdin, the printed result) goes to stdout; errors go to stderr as one line.
 */
final class Batch {
    private final Session session;
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final Printer printer;

    Batch(Session session, Options options, PrintStream out, PrintStream err, boolean color) {
        this.session = session;
        this.options = options;
        this.out = out;
        this.err = err;
        this.printer = new Printer(options.format, color);
    }

    int run(InputStream in) {
        // json/csv: stdout is data; summaries, breach lines and notes go to stderr
        OutputMode.set(printer.format() != Format.TABLE, err);
        try {
            return runScript(in);
        } finally {
            OutputMode.clear();
        }
    }

    private int runScript(InputStream in) {
        ScriptRunner runner = new ScriptRunner(session, ScriptCache.user(System.getenv()));
        PrintWriter scriptOut = new PrintWriter(out, true);
        // Groovy scripts print through the binding's 'out' when it is set, so output follows our stream.
        session.binding().setVariable("out", scriptOut);
        try {
            if (options.init != null) runner.run(options.init, java.util.List.of());
            Object result;
            if (options.code != null) {
                result = runner.run(options.code, "e.groovy", options.args);
            } else if (options.script != null) {
                if (Files.isRegularFile(options.script)) result = runner.run(options.script, options.args);
                else result = runner.run(PackScripts.text(options.script.toString()), options.script.toString(), options.args);
                // A script's last value is noise in a table run, but a pipeline reading JSON or CSV wants it, as from -e.
                if (printer.format() == Format.TABLE) result = null;
            } else {
                String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                result = runner.run(code, "stdin.groovy", options.args);
            }
            scriptOut.flush();
            out.print(printer.echo(result));
            out.flush();
            return scriptExitCode();
        } catch (Throwable t) {
            scriptOut.flush();
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) throw (VirtualMachineError) t;
            return fail(t);
        }
    }

    /** A check script (link/health, counters/watch, registers/diff) reports its verdict in the variable exitCode. */
    private int scriptExitCode() {
        if (!session.binding().hasVariable("exitCode")) return 0;
        Object code = session.binding().getVariable("exitCode");
        return code instanceof Number n ? n.intValue() : 0;
    }

    private int fail(Throwable t) {
        Throwable root = ErrorReport.unwrap(t);
        if (root instanceof ScriptExit e) { // System.exit(n) or a bad script argument: the session closes, then exit n
            if (e.usage() != null) err.println(e.usage());
            err.flush();
            return e.status();
        }
        if (root instanceof IOException && options.script != null && !Files.isReadable(options.script)) {
            err.println("error: cannot read " + options.script);
            return 1;
        }
        err.println(ErrorReport.oneLine(t));
        if (options.verbose) err.print(ErrorReport.stackTrace(t));
        err.flush();
        return root instanceof InterruptedException ? Main.EXIT_INTERRUPTED : Main.EXIT_ERROR;
    }
}
