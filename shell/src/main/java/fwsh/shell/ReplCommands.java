package fwsh.shell;

import fwsh.channel.Scope;
import fwsh.dsl.Device;
import fwsh.dsl.FwshScript;
import fwsh.dsl.Session;
import fwsh.shell.cli.UsageException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REPL's own commands. They share one prefix, '/', as in groovysh 5; a line starting with '/' and a
 * letter is a command, anything else is Groovy.
 */
final class ReplCommands {
    interface Handler {
        void run(List<String> args) throws Exception;
    }

    record Command(String name, String usage, String help, Handler handler) {
    }

    private final Repl repl;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    ReplCommands(Repl repl) {
        this.repl = repl;
        add("/help", "", "this list", a -> help());
        add("/devices", "", "the devices in this session; '*' marks dev", a -> devices());
        add("/load", "FILE", "evaluate FILE here: its variables and methods stay defined", a -> load(a));
        add("/run", "FILE [ARGS...]", "run FILE (or a standard-pack script: /run link/health.groovy) with its own 'args'", a -> run(a));
        add("/journal", "[N]", "the last N (10) entries of the journal of state-changing RPCs", a -> journal(a));
        add("/scope", "", "the scope ceiling and the scopes there are", a -> scope());
        add("/history", "[N]", "the last N (20) inputs", a -> history(a));
        add("/trace", "", "the stack trace of the last error", a -> trace());
        add("/exit", "", "leave fwsh (also exit, quit or Ctrl-D)", a -> repl.exit());
    }

    private void add(String name, String usage, String help, Handler h) {
        commands.put(name, new Command(name, usage, help, h));
    }

    List<String> names() {
        return new ArrayList<>(commands.keySet());
    }

    /** Runs a '/' line; a mistake in it is a one-line error, like a script error. */
    void execute(String line) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        String name = words.remove(0);
        Command c = commands.get(name);
        if (c == null && name.equals("/quit")) c = commands.get("/exit");
        if (c == null) throw new UsageException("unknown command " + name + "; /help lists the commands");
        c.handler().run(words);
    }

    private PrintWriter out() {
        return repl.writer();
    }

    private void help() {
        StringBuilder b = new StringBuilder("Commands:\n");
        int width = 0;
        for (Command c : commands.values()) width = Math.max(width, (c.name() + " " + c.usage()).length());
        for (Command c : commands.values()) {
            String head = (c.name() + " " + c.usage()).strip();
            b.append("  ").append(head).append(" ".repeat(width - head.length() + 2)).append(c.help()).append('\n');
        }
        b.append("Anything else is Groovy, evaluated in the session; _ is the last result; def x = ... and methods persist.\n");
        b.append(FwshScript.TOP_LEVEL);
        b.append("Keys: Tab completes names, registers and arguments; Enter on unfinished input continues it;\n");
        b.append("Ctrl-C clears the line or interrupts what runs; Ctrl-D, exit or /exit leaves.\n");
        repl.page(b.toString());
    }

    private void devices() {
        Session s = repl.session();
        List<Device> devices = s.devices();
        PrintWriter w = out();
        if (devices.isEmpty()) {
            s.banner().forEach(w::println);
            return;
        }
        Object current = s.binding().hasVariable("dev") ? s.binding().getVariable("dev") : null;
        for (int i = 0; i < devices.size(); i++) {
            w.println((devices.get(i) == current ? "* " : "  ") + "[" + i + "] " + devices.get(i).summary());
        }
    }

    private Path file(List<String> args, String command) {
        if (args.isEmpty()) throw new UsageException(command + " needs a file: " + command + " FILE");
        Path p = expand(args.get(0));
        if (!Files.isRegularFile(p)) {
            throw new UsageException("no file '" + args.get(0) + "'" + (command.equals("/run") ? " (nor a pack script of that name; see fwsh --list-scripts)" : ""));
        }
        return p;
    }

    private static Path expand(String name) {
        return Path.of(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name);
    }

    private void load(List<String> args) throws Exception {
        Path p = file(args, "/load");
        String code = Files.readString(p);
        repl.evaluateAndPrint(() -> repl.evaluator().evaluate(code, p.getFileName().toString()), false);
    }

    /** As on the command line: a file, else a standard-pack script of that name ({@code /run link/health.groovy}). */
    private void run(List<String> args) throws Exception {
        if (args.isEmpty()) throw new UsageException("/run needs a file: /run FILE [ARGS...]");
        List<String> scriptArgs = args.subList(1, args.size());
        String name = args.get(0);
        if (!Files.isRegularFile(expand(name)) && PackScripts.exists(name)) {
            String code = PackScripts.text(name);
            repl.evaluateAndPrint(() -> repl.runner().run(code, name, scriptArgs), false);
            return;
        }
        Path p = file(args, "/run");
        repl.evaluateAndPrint(() -> repl.runner().run(p, scriptArgs), false);
    }

    /** Reads the journal file the session writes; the DSL owns its format (JSON lines). */
    private void journal(List<String> args) throws IOException {
        int n = count(args, 10);
        Path path = journalPath();
        PrintWriter w = out();
        if (path == null) {
            w.println("journal: not available yet (start fwsh with --journal PATH to choose where it goes)");
            return;
        }
        if (!Files.exists(path)) {
            w.println("journal: " + path + " (no entries yet)");
            return;
        }
        List<String> lines = Files.readAllLines(path);
        StringBuilder text = new StringBuilder("journal: " + path + " (" + lines.size() + " entries)\n");
        lines.subList(Math.max(0, lines.size() - n), lines.size()).forEach(l -> text.append(l).append('\n'));
        repl.page(text.toString());
    }

    Path journalPath() {
        return SessionInfo.journalPath(repl.session());
    }

    private void scope() {
        Scope ceiling = repl.session().options().ceiling;
        PrintWriter w = out();
        w.println("scope ceiling: " + ceiling + "  (set with --scope; scripts raise up to it with withScope(...))");
        w.println("scope now: " + SessionInfo.activeScope(repl.session()));
        for (Scope s : Scope.values()) {
            String note = s.taintsKernel() ? "  taints the kernel" : "";
            w.println((s == ceiling ? "* " : "  ") + s.value + " " + s + (ceiling.covers(s) ? "" : "  (above the ceiling)") + note);
        }
    }

    private void history(List<String> args) {
        int n = count(args, 20);
        var history = repl.reader().getHistory();
        int last = history.last();
        PrintWriter w = out();
        for (int i = Math.max(history.first(), last - n + 1); i <= last; i++) {
            w.printf("%5d  %s%n", i + 1, history.get(i).replace("\n", "\n       "));
        }
    }

    private void trace() {
        String t = repl.lastTrace();
        out().print(t == null ? "no error yet\n" : t);
    }

    private static int count(List<String> args, int fallback) {
        if (args.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(args.get(0));
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UsageException("expected a positive count, got '" + args.get(0) + "'");
    }
}
