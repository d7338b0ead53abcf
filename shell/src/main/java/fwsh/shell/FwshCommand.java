package fwsh.shell;

import fwsh.dsl.NoUsableDeviceException;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.dsl.UnreadableRecordingException;
import fwsh.shell.cli.ErrorReport;
import fwsh.shell.cli.Version;
import fwsh.shell.cli.ExitCode;
import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageErrors;
import fwsh.shell.cli.UsageException;
import fwsh.wire.DidYouMean;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The fwsh command itself: the REPL, a script, -e CODE or code on stdin, in one session. Its subcommands
 * are registered by {@link Main}.
 */
@Command(name = "fwsh", sortOptions = false, versionProvider = FwshCommand.VersionLine.class,
        customSynopsis = {
                "fwsh [OPTIONS]                          the REPL, on a terminal",
                "       fwsh [OPTIONS] FILE.groovy [ARGS...]    run a script; ARGS are its 'args'",
                "       fwsh [OPTIONS] -e CODE [ARGS...]        evaluate CODE, print its result",
                "       ... | fwsh [OPTIONS]                    run code read from stdin",
                "       fwsh COMMAND [OPTIONS]                  test, pack, serve, bundle (fwsh COMMAND --help)"},
        description = {"", "A scripting shell for NVIDIA ConnectX (mlx5) devices over fwctl and mlx5ctl. A batch run"
                + " with no usable device fails with the discovery report; the emulated ConnectX runs only when"
                + " asked for (--emulate), or in the REPL, which then says so."},
        parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n", commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit status:%n",
        footer = {"  0 success, 1 script or device error (also: no usable device), 2 usage error,",
                "  3 a check failed (a script's exitCode), 4 link down (link/health.groovy),",
                "  130 interrupted"})
public final class FwshCommand implements Callable<Integer> {
    @Mixin
    final Options options = new Options();

    private final Streams io;
    private final SessionOptions base;

    /** {@code base} carries what the command line does not set (discovery roots for tests). */
    FwshCommand(Streams io, SessionOptions base) {
        this.io = io;
        this.base = base;
    }

    @Override
    public Integer call() {
        Options o = options;
        check(o);
        if (o.listScripts) {
            io.out().print(PackScripts.listing());
            return ExitCode.OK;
        }
        boolean realStdin = io.in() == System.in;
        boolean interactive = o.code == null && o.script == null && realStdin && Tty.isInteractive();
        SessionOptions so = sessionOptions(o);
        so.emulatorFallback = interactive;
        Session session;
        try {
            session = Session.open(so);
        } catch (NoUsableDeviceException e) {
            io.err().println("error: " + e.summary());
            e.report().forEach(l -> io.err().println("  " + l));
            io.err().println("To run on the emulated ConnectX instead (not hardware), add --emulate: fwsh --emulate link/health.groovy");
            return ExitCode.ERROR;
        } catch (UnreadableRecordingException e) {
            io.err().println(ErrorReport.oneLine(e)); // not a recording nor a bundle: what the user gave is wrong
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            io.err().println(ErrorReport.oneLine(e));
            if (o.verbose) io.err().print(ErrorReport.stackTrace(e));
            return ExitCode.ERROR;
        }
        try {
            if (interactive) return ReplLauncher.start(session, o);
            if (o.verbose) session.banner().forEach(l -> io.err().println("fwsh: " + l));
            boolean color = realStdin && Tty.isInteractive() && Tty.colorAllowed(o);
            if (realStdin) BatchInterrupt.install();
            return new Batch(session, o, io.out(), io.err(), color).run(io.in());
        } finally {
            session.close();
        }
    }

    /** What picocli cannot check: files that must exist, options that exclude each other. */
    private static void check(Options o) {
        o.source.check();
        if (o.script != null && !Files.isRegularFile(o.script) && !PackScripts.exists(o.script.toString())) {
            String word = o.script.toString();
            if (Main.SUBCOMMANDS.containsKey(word)) {
                // Only after fwsh's own options: a subcommand would not see them.
                throw new UsageException("'" + word + "' is a subcommand and comes first, with its own options after it: fwsh "
                        + word + " [OPTIONS] (fwsh " + word + " --help)");
            }
            throw new UsageException("no script file '" + word + "' (nor a pack script of that name; see --list-scripts)"
                    + UsageErrors.didYouMean(closeNames(word)));
        }
        if (o.source.replay != null && !Files.isRegularFile(o.source.replay)) {
            throw new UsageException("no recording '" + o.source.replay + "'");
        }
        if (o.init != null && !Files.isRegularFile(o.init)) throw new UsageException("no init file '" + o.init + "'");
    }

    /** Subcommands and pack scripts close to a mistyped script name; "helth.groovy" finds "link/health.groovy". */
    static List<String> closeNames(String word) {
        Map<String, String> byName = new LinkedHashMap<>();
        Main.SUBCOMMANDS.keySet().forEach(n -> byName.put(n, n));
        for (String script : PackScripts.names()) {
            String stem = script.substring(0, script.length() - ".groovy".length());
            byName.put(stem, script);
            byName.putIfAbsent(stem.substring(stem.lastIndexOf('/') + 1), script);
        }
        String stem = word.endsWith(".groovy") ? word.substring(0, word.length() - ".groovy".length()) : word;
        return DidYouMean.suggest(stem, byName.keySet()).stream().map(byName::get).distinct().toList();
    }

    private SessionOptions sessionOptions(Options o) {
        SessionOptions s = base;
        s.device = o.device;
        o.source.applyTo(s);
        s.transport = o.transport;
        if (o.ceiling != null) s.ceiling(o.ceiling);
        s.journal = o.journal;
        s.verbose = o.verbose;
        s.record = o.record;
        return s;
    }

    public static final class VersionLine implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{Version.line()};
        }
    }
}
