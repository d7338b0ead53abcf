package fwsh.shell;

import fwsh.dsl.ScriptExit;
import fwsh.dsl.ScriptRunner;
import fwsh.dsl.Session;
import fwsh.dsl.engine.Console;
import fwsh.shell.cli.ErrorReport;
import fwsh.shell.cli.Version;
import fwsh.shell.cli.UsageException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The interactive shell. Input is read by JLine on the main thread; each evaluation runs on a worker
 * thread so Ctrl-C (SIGINT) can interrupt it — user code is compiled with ThreadInterrupt, so loops notice —
 * and a second Ctrl-C abandons an evaluation stuck where interrupts do not reach (a blocking native call).
 */
final class Repl {
    private static final Set<String> BARE_WORDS = Set.of("help", "exit", "quit");

    private final Session session;
    private final Options options;
    private final Terminal terminal;
    private final LineReader reader;
    private final Evaluator evaluator;
    private final ScriptRunner runner;
    private final Printer printer;
    private final ReplCommands commands;
    private final StatusLine status;
    private final Pager pager;
    private final boolean color;
    private ExecutorService worker = newWorker();
    private volatile Thread evaluating;
    private volatile int interrupts;
    private String lastTrace;
    private boolean exit;

    static int onSystemTerminal(Session session, Options options) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        } catch (IOException e) {
            System.err.println("error: cannot open the terminal: " + e.getMessage());
            return Main.EXIT_ERROR;
        }
        try (terminal) {
            return new Repl(session, options, terminal, System.getenv()).loop();
        } catch (IOException e) {
            return Main.EXIT_OK; // closing the terminal failed after the session ended: nothing to report
        }
    }

    Repl(Session session, Options options, Terminal terminal, Map<String, String> env) {
        this.session = session;
        this.options = options;
        this.terminal = terminal;
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) terminal.setSize(new Size(120, 40));
        this.color = Tty.colorAllowed(options) && !isDumb(terminal);
        this.evaluator = new Evaluator(session);
        this.runner = new ScriptRunner(session);
        this.printer = new Printer(options.format, color);
        this.commands = new ReplCommands(this);
        CompletionEngine engine = new CompletionEngine(() -> session.binding().getVariables(), commands.names(),
                Path.of("").toAbsolutePath(), PackScripts::names);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("fwsh")
                .parser(new ReplParser())
                .completer(new ReplCompleter(engine))
                .highlighter(new ReplHighlighter(color))
                .variable(LineReader.HISTORY_FILE, HistoryFile.path(env))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        this.status = new StatusLine(terminal, session);
        this.pager = new Pager(terminal, this::screen);
        // help(x) and show() print a screenful at a time, fitted to the terminal's width
        session.setConsole(new Console() {
            @Override
            public void print(String text) {
                pager.page(text);
            }

            @Override
            public int width() {
                return terminal.getWidth() - 1; // a line of the full width would wrap on some terminals
            }
        });
        session.binding().setVariable("out", terminal.writer());
        // Live views (dev.counters.watch) refresh above the status line instead of scrolling.
        session.setLiveView(status::show);
        terminal.handle(Terminal.Signal.INT, s -> interrupt());
        // At the prompt the line reader handles resizes; while an evaluation runs (a watch view), this does.
        terminal.handle(Terminal.Signal.WINCH, s -> status.resize());
        new Suspend(terminal, status, this::redrawPrompt).install();
    }

    /** After a resume: the line being edited, when the prompt is up (the reader ignores this otherwise). */
    private void redrawPrompt() {
        try {
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (RuntimeException e) {
            // not reading a line: the next prompt draws itself
        }
    }

    static boolean isDumb(Terminal t) {
        return Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType());
    }

    int loop() {
        status.update(); // first, so the scroll region it sets up does not swallow the banner
        banner();
        if (options.init != null) {
            evaluateAndPrint(() -> evaluator.evaluate(Files.readString(options.init), options.init.getFileName().toString()), false);
        }
        String prompt = color ? new AttributedString("fwsh> ", AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)).toAnsi(terminal) : "fwsh> ";
        while (!exit) {
            status.update();
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: the line is dropped, a fresh prompt follows
            } catch (EndOfFileException e) {
                String partial = e.getPartialLine();
                if (partial != null && !partial.isBlank()) handle(partial);
                break;
            } catch (IOError e) {
                break; // the terminal went away
            }
            handle(line);
        }
        status.close();
        worker.shutdownNow();
        writer().flush();
        return Main.EXIT_OK;
    }

    private void handle(String input) {
        if (input.isBlank()) return;
        String word = input.strip();
        // help, exit and quit as bare words, as in Python's REPL, unless the user defined a variable of that name
        String line = BARE_WORDS.contains(word) && !session.binding().hasVariable(word) ? "/" + word : input;
        if (CompletionEngine.isCommandLine(line)) {
            try {
                commands.execute(line);
            } catch (Exception e) {
                error(e);
            }
        } else {
            evaluateAndPrint(() -> evaluator.evaluate(line), true);
        }
        writer().flush();
    }

    private void banner() {
        PrintWriter w = writer();
        w.println(Version.line());
        session.banner().forEach(l -> w.println("  " + l));
        w.println("Type /help for commands, Tab to complete, Ctrl-D to leave.");
        w.flush();
    }

    /** Runs {@code task} on the worker, waits for it (Ctrl-C interrupts), prints the result or the error. */
    void evaluateAndPrint(Callable<Object> task, boolean printResult) {
        try {
            // The result is rendered on the worker too, so Ctrl-C stops a long rendering as it stops user code.
            onWorker(() -> {
                Object result = task.call();
                if (printResult) {
                    writer().print(printer.echo(result, screen()));
                    writer().flush();
                }
                return null;
            });
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) throw (VirtualMachineError) t;
            error(t);
        }
        writer().flush();
    }

    /** A screenful: the terminal less the prompt and the status line. */
    Screen screen() {
        return new Screen(terminal.getHeight() - 2, terminal.getWidth());
    }

    private Object onWorker(Callable<Object> task) throws Throwable {
        // Keys typed while the evaluation runs wait, as typed, for the next prompt (a Ctrl-D there leaves): in the
        // terminal's cooked mode the line discipline would swallow a Ctrl-D at the start of a line. Ctrl-C still
        // interrupts (raw mode keeps signals).
        Attributes cooked = terminal.getAttributes();
        terminal.setAttributes(rawKeepingSignals(cooked));
        try {
            return runOnWorker(task);
        } finally {
            terminal.setAttributes(cooked);
        }
    }

    /** Raw input as cfmakeraw gives it, but with ISIG kept: JLine 4's enterRawMode clears it, and Ctrl-C must signal. */
    static Attributes rawKeepingSignals(Attributes cooked) {
        Attributes raw = new Attributes(cooked);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        return raw;
    }

    private Object runOnWorker(Callable<Object> task) throws Throwable {
        interrupts = 0;
        Future<Object> f = worker.submit(() -> {
            evaluating = Thread.currentThread();
            try {
                return task.call();
            } finally {
                evaluating = null;
                Thread.interrupted(); // a late Ctrl-C must not hit the next evaluation
            }
        });
        while (true) {
            try {
                return f.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (interrupts >= 2) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    throw new AbandonedException();
                }
            } catch (ExecutionException e) {
                throw e.getCause();
            } catch (InterruptedException e) {
                interrupt();
            }
        }
    }

    private void interrupt() {
        Thread t = evaluating;
        if (t != null) {
            interrupts++;
            t.interrupt();
        }
    }

    private void error(Throwable t) {
        Throwable root = ErrorReport.unwrap(t);
        lastTrace = ErrorReport.stackTrace(t);
        String line;
        if (root instanceof InterruptedException) line = "interrupted";
        else if (root instanceof ScriptExit e && e.usage() != null) line = e.usage();
        else if (root instanceof ScriptExit e) line = "exit(" + e.status() + "): System.exit ends the evaluation, not fwsh (exit or /exit leaves)";
        else if (root instanceof AbandonedException) line = root.getMessage();
        else if (root instanceof UsageException) line = "error: " + root.getMessage();
        else line = ErrorReport.oneLine(t);
        PrintWriter w = writer();
        w.println(color ? new AttributedString(line, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal) : line);
        if (options.verbose && !(root instanceof UsageException || root instanceof ScriptExit)) w.print(lastTrace);
        w.flush();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fwsh-eval");
            t.setDaemon(true);
            return t;
        });
    }

    static final class AbandonedException extends RuntimeException {
        AbandonedException() {
            super("abandoned: the evaluation did not stop when interrupted and keeps running in the background");
        }
    }

    PrintWriter writer() {
        return terminal.writer();
    }

    /** Long text a screenful at a time. */
    void page(String text) {
        pager.page(text);
    }

    Session session() {
        return session;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    ScriptRunner runner() {
        return runner;
    }

    LineReader reader() {
        return reader;
    }

    String lastTrace() {
        return lastTrace;
    }

    void exit() {
        exit = true;
    }
}
