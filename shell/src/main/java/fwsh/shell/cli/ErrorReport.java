package fwsh.shell.cli;

import fwsh.base.FwshException;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.StackTraceUtils;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns an exception from user code into the one line a user sees ({@code error: <message> (file:line)})
 * and keeps the full stack trace for {@code --verbose} and {@code /trace}.
 */
public final class ErrorReport {
    private ErrorReport() {
    }

    /**
     * One line: a deliberate error ({@link FwshException}) as its message; Groovy's missing method or property as what
     * the receiver lacks, with "did you mean" for DSL objects; anything else (what script code threw, or a bug) with
     * its type, because "boom" alone does not say whether it was an IllegalStateException or an I/O error. The
     * script location is added when the message lacks it.
     */
    public static String oneLine(Throwable t) {
        Throwable root = unwrap(t);
        String msg;
        if (root instanceof MultipleCompilationErrorsException mce) {
            msg = compileMessage(mce);
        } else if (root instanceof InterruptedException) {
            msg = "interrupted";
        } else {
            msg = describe(root);
            String where = scriptLocation(root);
            if (where != null && !msg.contains(where)) msg = msg + " (" + where + ")";
        }
        return "error: " + firstLine(msg);
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage() == null ? "" : firstLine(t.getMessage());
        if (t instanceof MissingMethodException m) return Missing.method(m, msg);
        if (t instanceof MissingPropertyException p) return Missing.property(p, msg);
        if (t instanceof FwshException && !msg.isBlank()) return msg;
        return t.getClass().getSimpleName() + (msg.isBlank() ? "" : ": " + msg);
    }

    public static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        StackTraceUtils.deepSanitize(t).printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** Reflection and Groovy wrappers hide the exception the script actually threw. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof java.lang.reflect.InvocationTargetException
                || cur instanceof java.lang.reflect.UndeclaredThrowableException
                || cur instanceof java.util.concurrent.ExecutionException
                || cur.getClass() == RuntimeException.class && cur.getMessage() != null
                        && cur.getCause() != null && cur.getMessage().equals(cur.getCause().toString())
                // Groovy's toString of a value wraps what the value's own toString threw (Ctrl-C while printing)
                || cur.getClass() == groovy.lang.GroovyRuntimeException.class && cur.getMessage() == null)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String compileMessage(MultipleCompilationErrorsException e) {
        var errors = e.getErrorCollector().getErrors();
        if (errors == null || errors.isEmpty()) return e.getMessage();
        Message first = errors.get(0);
        String text;
        if (first instanceof SyntaxErrorMessage sem) {
            var cause = sem.getCause();
            text = cause.getOriginalMessage() + " (" + shortName(cause.getSourceLocator()) + ":"
                    + cause.getLine() + ":" + cause.getStartColumn() + ")";
        } else if (first instanceof ExceptionMessage em) {
            text = em.getCause().getMessage();
        } else {
            StringWriter w = new StringWriter();
            first.write(new PrintWriter(w));
            text = w.toString().trim();
        }
        int more = errors.size() - 1;
        return firstLine(text) + (more > 0 ? " (and " + more + " more error" + (more > 1 ? "s" : "") + ")" : "");
    }

    private static String shortName(String locator) {
        if (locator == null) return "?";
        int slash = locator.lastIndexOf('/');
        return slash >= 0 ? locator.substring(slash + 1) : locator;
    }

    /** The innermost frame in a script (file name ending in .groovy, or a REPL/-e pseudo-file). */
    private static String scriptLocation(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String f = e.getFileName();
            if (f != null && e.getLineNumber() > 0 && (f.endsWith(".groovy") || f.startsWith("<"))) {
                return f + ":" + e.getLineNumber();
            }
        }
        return null;
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
