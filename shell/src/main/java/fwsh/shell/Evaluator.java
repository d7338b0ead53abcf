package fwsh.shell;

import fwsh.dsl.FwshCompiler;
import fwsh.dsl.Session;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates REPL input in the session: the shared compiler configuration plus {@link ReplDeclarations}, the
 * session binding for variables (and {@code _} for the last non-null result), and the imports of earlier
 * lines prepended to later ones (on the same first line, so line numbers in errors stay right).
 */
final class Evaluator {
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(import\\s+(?:static\\s+)?[\\w.]+(?:\\.\\*)?(?:\\s+as\\s+\\w+)?)\\s*;?\\s*$");

    private final Session session;
    private final GroovyShell shell;
    private final Set<String> imports = new LinkedHashSet<>();
    private int counter;

    Evaluator(Session session) {
        this.session = session;
        CompilerConfiguration config = FwshCompiler.configuration();
        config.addCompilationCustomizers(new ReplDeclarations());
        this.shell = new GroovyShell(Evaluator.class.getClassLoader(), session.binding(), config);
    }

    /** Evaluates one input (possibly several lines); {@code name} names it in stack traces. */
    Object evaluate(String code, String name) {
        String prefix = imports.isEmpty() ? "" : String.join("; ", imports) + "; ";
        Class<?> type;
        synchronized (this) {
            String file = name == null ? "line" + (++counter) + ".groovy" : name;
            type = shell.getClassLoader().parseClass(new GroovyCodeSource(prefix + code, file, GroovyShell.DEFAULT_CODE_BASE), false);
        }
        Matcher m = IMPORT.matcher(code);
        while (m.find()) imports.add(m.group(1).replaceAll("\\s+", " "));
        // Input that only declares classes compiles to them, not to a script: they stay defined, nothing runs.
        if (!Script.class.isAssignableFrom(type)) return null;
        Object result = InvokerHelper.createScript(type, session.binding()).run();
        if (result != null) session.binding().setVariable("_", result);
        return result;
    }

    Object evaluate(String code) {
        return evaluate(code, null);
    }
}
