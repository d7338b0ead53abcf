package fwsh.shell;

import fwsh.dsl.Session;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.nio.file.Path;

/**
 * What the REPL shows about a session's journal and scopes. The DSL grows these (session.journal(),
 * session.scopes()); asked dynamically so the shell works with or without them, falling back to the
 * command-line options. The one place to change when the DSL API settles.
 */
final class SessionInfo {
    private SessionInfo() {
    }

    /** The journal file, or null when the session has none. */
    static Path journalPath(Session session) {
        Object journal = call(session, "journal");
        if (journal != null) {
            Object p = property(journal, "path");
            if (p instanceof Path path) return path;
        }
        return session.options().journal;
    }

    /** The scope in force now (inside withScope it is the raised one), as text. */
    static String activeScope(Session session) {
        Object scopes = call(session, "scopes");
        Object active = scopes == null ? null : call(scopes, "active");
        return active != null ? String.valueOf(active) : String.valueOf(session.options().ceiling);
    }

    private static Object call(Object target, String method) {
        try {
            if (InvokerHelper.getMetaClass(target).respondsTo(target, method, new Object[0]).isEmpty()) return null;
            return InvokerHelper.invokeMethod(target, method, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object property(Object target, String name) {
        try {
            return InvokerHelper.getMetaClass(target).hasProperty(target, name) == null ? null : InvokerHelper.getProperty(target, name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
