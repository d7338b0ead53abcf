package fwsh.dsl;

import groovy.lang.GroovyShell;
import groovy.lang.Script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs script text or files in a session through the shared compiler configuration. */
public final class ScriptRunner {
    private final Session session;
    private final GroovyShell shell;

    public ScriptRunner(Session session) {
        this.session = session;
        this.shell = new GroovyShell(ScriptRunner.class.getClassLoader(), session.binding(), FwshCompiler.configuration());
    }

    public GroovyShell shell() {
        return shell;
    }

    /** Runs {@code code}; {@code name} is what stack traces show (e.g. "trace/live.groovy"). */
    public Object run(String code, String name, List<String> args) {
        session.binding().setVariable("args", args.toArray(new String[0]));
        session.binding().setVariable(FwshScript.SOURCE, code);
        session.binding().setVariable(FwshScript.NAME, name);
        Script script = shell.parse(code, name);
        return script.run();
    }

    public Object run(Path file, List<String> args) throws IOException {
        return run(Files.readString(file), file.getFileName().toString(), args);
    }
}
