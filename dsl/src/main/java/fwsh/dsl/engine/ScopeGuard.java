package fwsh.dsl.engine;

import fwsh.channel.Scope;

import java.util.concurrent.Callable;

/**
 * The session's scope ceiling (granted on the command line, default debug-read-only) and the scope in
 * force on each thread (debug-read-only unless raised by withScope inside the ceiling). Scripts cannot
 * raise the ceiling; only the CLI option can.
 */
public final class ScopeGuard {
    private final Privilege ceiling;
    private final ThreadLocal<Privilege> active = ThreadLocal.withInitial(() -> Privilege.DEBUG_READ_ONLY);

    public ScopeGuard(Scope ceiling) {
        this.ceiling = Privilege.of(ceiling);
    }

    public Privilege ceiling() {
        return ceiling;
    }

    public Privilege active() {
        Privilege a = active.get();
        return ceiling.covers(a) ? a : ceiling;
    }

    /** Runs {@code body} with the scope raised to {@code wanted}; refuses when the ceiling is lower. */
    public <T> T with(Privilege wanted, Callable<T> body) throws Exception {
        if (!ceiling.covers(wanted)) {
            throw new ScopeRefusedException("withScope('" + wanted + "') is above this session's ceiling '" + ceiling
                    + "'; start fwsh with --scope " + wanted + " to allow it");
        }
        Privilege before = active.get();
        active.set(wanted);
        try {
            return body.call();
        } finally {
            active.set(before);
        }
    }
}
