package fwsh.shell;

import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.shell.pack.PackCommand;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * The fwsh command. {@link #run} holds all the logic so specs can drive it with their own streams; the
 * REPL (and with it JLine) is only loaded when stdin and stdout are a terminal and no code was given.
 */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERRUPTED = 130;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (PackCommand.handles(args)) return PackCommand.run(args, out, err);
        Options o;
        try {
            o = OptionParser.parse(args);
            if (o.script != null && !Files.isRegularFile(o.script) && !PackScripts.exists(o.script.toString())) {
                String word = o.script.toString();
                if (word.equals("test") || word.equals("pack")) {
                    throw new UsageException("'" + word + "' is a subcommand and comes first, with its own options after it: "
                            + (word.equals("test") ? "fwsh test PACK_DIR|--standard [--scope S] ..." : "fwsh pack new NAME [DIR]"));
                }
                throw new UsageException("no script file '" + o.script + "' (nor a pack script of that name; see --list-scripts)");
            }
            if (o.replay != null && !Files.isRegularFile(o.replay)) {
                throw new UsageException("no recording '" + o.replay + "'");
            }
            if (o.init != null && !Files.isRegularFile(o.init)) {
                throw new UsageException("no init file '" + o.init + "'");
            }
        } catch (UsageException e) {
            err.println("fwsh: " + e.getMessage());
            err.println("Try 'fwsh --help' for more information.");
            return EXIT_USAGE;
        }
        if (o.help) {
            out.println(OptionParser.USAGE);
            return EXIT_OK;
        }
        if (o.version) {
            out.println(Version.line());
            return EXIT_OK;
        }
        if (o.listScripts) {
            out.print(PackScripts.listing());
            return EXIT_OK;
        }
        boolean realStdin = in == System.in;
        boolean interactive = o.code == null && o.script == null && realStdin && Tty.isInteractive();
        Session session;
        try {
            session = Session.open(sessionOptions(o));
        } catch (RuntimeException e) {
            err.println(ErrorReport.oneLine(e));
            if (o.verbose) err.print(ErrorReport.stackTrace(e));
            return EXIT_ERROR;
        }
        try {
            if (interactive) return ReplLauncher.start(session, o);
            if (o.verbose) session.banner().forEach(l -> err.println("fwsh: " + l));
            boolean color = realStdin && Tty.isInteractive() && Tty.colorAllowed(o);
            if (realStdin) BatchInterrupt.install();
            return new Batch(session, o, out, err, color).run(in);
        } finally {
            session.close();
        }
    }

    static SessionOptions sessionOptions(Options o) {
        SessionOptions s = new SessionOptions();
        s.device = o.device;
        if (o.emulate) s.emulate(o.emulateProfile);
        s.transport = o.transport;
        if (o.ceiling != null) s.ceiling(o.ceiling);
        s.journal = o.journal;
        s.verbose = o.verbose;
        s.record = o.record;
        s.replay = o.replay;
        s.replayMode = o.replayMode;
        return s;
    }
}
