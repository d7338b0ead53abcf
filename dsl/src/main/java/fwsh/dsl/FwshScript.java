package fwsh.dsl;

import fwsh.dsl.engine.Console;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.Journal;
import fwsh.dsl.engine.Privilege;
import fwsh.dsl.trace.TraceCommandLine;
import groovy.lang.Closure;
import groovy.lang.Script;

import java.util.List;
import java.util.Map;

/** The base class of every fwsh script: what a user can call without a receiver. */
public abstract class FwshScript extends Script {

    /** The binding variable the runner puts the script's text in (for its header). */
    static final String SOURCE = "scriptSource";

    /** The script's leading {@code //} comment lines without the slashes: what {@code --help} prints. */
    public String scriptHeader() {
        Object text = getBinding().hasVariable(SOURCE) ? getBinding().getVariable(SOURCE) : null;
        StringBuilder sb = new StringBuilder();
        if (text != null) {
            for (String line : text.toString().split("\n")) {
                if (!line.startsWith("//")) break;
                sb.append(line.startsWith("// ") ? line.substring(3) : line.substring(2)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The binding variable the runner puts the script's name in ("link/health.groovy"). */
    static final String NAME = "scriptName";

    /**
     * The script's arguments parsed by CliBuilder: {@code def opts = parseArgs { _(longOpt: 'port', args: 1, type: Integer,
     * defaultValue: '1', 'local port') }}. {@code --help} prints the header and the options; a bad argument prints one
     * line and exits 2 (see {@link ScriptArguments}).
     */
    public groovy.cli.picocli.OptionAccessor parseArgs(Map<String, ?> settings, Closure<?> options) {
        return ScriptArguments.parse(this, scriptName(), args(), settings, options);
    }

    public groovy.cli.picocli.OptionAccessor parseArgs(Closure<?> options) {
        return parseArgs(Map.of(), options);
    }

    /**
     * The tracer's options (--for, --count, --grep, --events, --json, --real-ts, --wait, --every), one set for every
     * script that follows the tracer: {@code def cli = parseArgs(include: traceOptions()) { ...the script's own... }}.
     */
    public List<Map<String, Object>> traceOptions() {
        return TraceCommandLine.declarations();
    }

    /** Of those, what was given, as {@code dev.tracer.tail}/{@code capture} take them: {@code traceOptions(cli)}. */
    public Map<String, Object> traceOptions(groovy.cli.picocli.OptionAccessor options) {
        return TraceCommandLine.from(options);
    }

    /** A bad argument found after parsing: one line naming it, "try --help", exit status 2. */
    public void usageError(String what) {
        throw ScriptArguments.usage(scriptName(), what);
    }

    private String scriptName() {
        Object name = getBinding().hasVariable(NAME) ? getBinding().getVariable(NAME) : null;
        return name == null ? "script" : name.toString();
    }

    private String[] args() {
        Object a = getBinding().hasVariable("args") ? getBinding().getVariable("args") : null;
        if (a instanceof String[] s) return s;
        if (a instanceof List<?> l) return l.stream().map(String::valueOf).toArray(String[]::new);
        return new String[0];
    }

    protected Session session() {
        return (Session) getBinding().getVariable("session");
    }

    public List<Device> getDevices() {
        return session().devices();
    }

    /** device(0), device('0000:3b:00.0'), device('3b:00.0'), device('mlx5_0'), device('eth2'), device('/dev/fwctl/fwctl0'). */
    public Device device(Object selector) {
        return session().device(selector);
    }

    /** Runs the block with the scope raised, if the session's ceiling (--scope) allows it. */
    public Object withScope(String scope, Closure<?> body) throws Exception {
        return session().scopes().with(Privilege.parse(scope), body::call);
    }

    public Journal getJournal() {
        return session().journal();
    }

    /** What scripts start from, for help() and the REPL's help. */
    public static final String TOP_LEVEL = String.join("\n",
            "Top-level names (help(x) describes any of them; x.describe() returns that text):",
            "  dev                 the device in use: dev.reg, dev.cmd, dev.cap, dev.counters, dev.tracer, dev.rpc(...)",
            "  devices, device(s)  the session's devices; device(s) picks one by index, name, PCI address or netdev",
            "  session             the session: its devices, scopes and options",
            "  journal             state-changing RPCs: journal.last(5), journal.filter(register: 'PAOS')",
            "  withScope(s) { }    runs the block at a higher scope, up to the ceiling (--scope)",
            "  TraceFiles          trace captures offline: TraceFiles.decode('fw.trc') { r -> println r.message }",
            "  ResourceDump        resource dumps: ResourceDump.dump(dev, segment: 'FULL_QPC', index1: 0x100)",
            "  Scope, Transport    the scopes (Scope.DEBUG_WRITE) and kernel interfaces",
            "  FwshException       what every deliberate fwsh error is, to catch",
            "  help(x), x.show()   print a description or a value's fields; x.describe(), x.showText() return them",
            "");

    /** help(obj): prints what an object is and what it offers, fitted to the terminal; obj.describe() returns the text. */
    public void help(Object target) {
        Console console = session().console();
        console.print(describe(target, console.width()));
    }

    /** help(): the top-level names a script starts from. */
    public void help() {
        session().console().print(TOP_LEVEL);
    }

    static String describe(Object target, int width) {
        if (target instanceof Describable d) return d.describe(width);
        return target == null ? "null" : target.getClass().getSimpleName() + ": " + target;
    }
}
