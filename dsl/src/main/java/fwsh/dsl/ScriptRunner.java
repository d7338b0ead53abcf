package fwsh.dsl;

import groovy.lang.GroovyShell;
import groovy.lang.Script;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs script text or files in a session through the shared compiler configuration; with a {@link ScriptCache},
 * a script compiled by an earlier run is loaded instead of compiled again.
 */
public final class ScriptRunner {
    private final Session session;
    private final ScriptCache cache;
    private GroovyShell shell; // built on first need: running a cached script needs no compiler

    public ScriptRunner(Session session) {
        this(session, null);
    }

    public ScriptRunner(Session session, ScriptCache cache) {
        this.session = session;
        this.cache = cache;
    }

    public synchronized GroovyShell shell() {
        if (shell == null) shell = new GroovyShell(ScriptRunner.class.getClassLoader(), session.binding(), FwshCompiler.configuration());
        return shell;
    }

    /** Runs {@code code}; {@code name} is what stack traces show (e.g. "trace/live.groovy"). */
    public Object run(String code, String name, List<String> args) {
        session.binding().setVariable("args", args.toArray(new String[0]));
        session.binding().setVariable(FwshScript.SOURCE, code);
        session.binding().setVariable(FwshScript.NAME, name);
        Class<?> cached = cache == null ? null : cache.load(code, name, ScriptRunner.class.getClassLoader());
        Script script = cached == null ? shell().parse(code, name) : InvokerHelper.createScript(cached, session.binding());
        return script.run();
    }

    public Object run(Path file, List<String> args) throws IOException {
        return run(Files.readString(file), file.getFileName().toString(), args);
    }
}
