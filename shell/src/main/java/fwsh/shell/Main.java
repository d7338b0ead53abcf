package fwsh.shell;

import fwsh.dsl.SessionOptions;
import fwsh.shell.cli.ExitCode;
import fwsh.shell.cli.HelpLayout;
import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageErrors;
import fwsh.shell.cli.UsageException;
import fwsh.shell.pack.PackCommand;
import fwsh.shell.pack.TestCommand;
import fwsh.shell.bundle.BundleCommand;
import fwsh.shell.serve.ServeCommand;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The fwsh command line (picocli): {@link FwshCommand} and its subcommands. {@link #run} holds all the logic so
 * specs can drive it with their own streams; the REPL (and with it JLine) is only loaded when stdin and
 * stdout are a terminal and no code was given.
 */
public final class Main {
    public static final int EXIT_OK = ExitCode.OK;
    public static final int EXIT_ERROR = ExitCode.ERROR;
    public static final int EXIT_USAGE = ExitCode.USAGE;
    public static final int EXIT_INTERRUPTED = ExitCode.INTERRUPTED;

    /**
     * Test seam: discovery looks under DIR/sys and DIR/dev instead of /sys and /dev, so no spec depends on
     * the build machine's hardware (an empty DIR is a machine without any).
     */
    public static final String DISCOVERY_ROOT_PROPERTY = "fwsh.discovery.root";

    /**
     * The subcommands, each one picocli command class (a new one is one line here) given the streams and the session
     * options the command line does not set; a run builds only the one it names.
     */
    static final Map<String, BiFunction<Streams, SessionOptions, Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("test", (io, base) -> new TestCommand(io));
        SUBCOMMANDS.put("pack", (io, base) -> new PackCommand(io));
        SUBCOMMANDS.put("serve", (io, base) -> new ServeCommand(io, base, ErrorReport::oneLine, ErrorReport::stackTrace));
        SUBCOMMANDS.put("bundle", (io, base) -> new BundleCommand(io, base, ErrorReport::oneLine, ErrorReport::stackTrace,
                io.err() == System.err && Tty.isInteractive()));
        // picocli's factory looks for groovy.lang.Closure (closures in annotations, which fwsh does not use);
        // loading it starts Groovy's runtime, hundreds of milliseconds that --version and --help need not pay.
        System.setProperty("picocli.disable.closures", "true");
    }

    private Main() {
    }

    public static void main(String[] args) {
        RuntimeWarmUp.start(args);
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, systemSessionOptions());
    }

    /**
     * {@code base}: session options the command line does not set (a fake discovery in specs). Only the
     * subcommand the first word names is built, or all of them for --help; a script run builds none.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, SessionOptions base) {
        Streams io = new Streams(in, out, err);
        String first = args.length > 0 ? args[0] : "";
        boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
        return commandLine(io, base, name -> help || name.equals(first)).execute(args);
    }

    /** The command line with the subcommands {@code wanted} accepts (all: the completion script, specs). */
    static CommandLine commandLine(Streams io, SessionOptions base, Predicate<String> wanted) {
        CommandLine cl = new CommandLine(new FwshCommand(io, base));
        cl.getCommandSpec().parser().stopAtPositional(true); // a script's words are its own (not for subcommands)
        SUBCOMMANDS.forEach((name, command) -> {
            if (wanted.test(name)) cl.addSubcommand(name, command.apply(io, base));
        });
        cl.setExpandAtFiles(false); // "@file" is a script argument, never a file of options
        cl.setHelpFactory(new HelpLayout());
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setParameterExceptionHandler((e, args) -> UsageErrors.print(e.getCommandLine(), UsageErrors.describe(e), e.getCommandLine().getErr()));
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) return UsageErrors.print(command, e.getMessage(), command.getErr());
            throw e;
        });
        return cl;
    }

    static SessionOptions systemSessionOptions() {
        SessionOptions s = new SessionOptions();
        String root = System.getProperty(DISCOVERY_ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            s.sysfsRoot = Path.of(root, "sys");
            s.devRoot = Path.of(root, "dev");
        }
        return s;
    }
}
