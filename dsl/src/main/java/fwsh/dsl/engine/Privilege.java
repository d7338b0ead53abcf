package fwsh.dsl.engine;

import fwsh.channel.Scope;

/**
 * What a session lets scripts do, ordered from least to most. The labels are the fwctl scope names, but
 * the order is by risk: reading is below configuration writes, because a read-only session must not
 * send a configuration write even though fwctl accepts those at scope 0.
 */
public enum Privilege {
    DEBUG_READ_ONLY(Scope.DEBUG_READ_ONLY),
    CONFIGURATION(Scope.CONFIGURATION),
    DEBUG_WRITE(Scope.DEBUG_WRITE),
    DEBUG_WRITE_FULL(Scope.DEBUG_WRITE_FULL);

    public final Scope scope;

    Privilege(Scope scope) {
        this.scope = scope;
    }

    public boolean covers(Privilege needed) {
        return ordinal() >= needed.ordinal();
    }

    public static Privilege of(Scope scope) {
        for (Privilege p : values()) if (p.scope == scope) return p;
        throw new IllegalArgumentException(String.valueOf(scope));
    }

    public static Privilege parse(String text) {
        return of(Scope.parse(text));
    }

    /** What sending a command needs: reads need debug-read-only; a state change needs its fwctl scope's level. */
    public static Privilege required(Scope minScope, boolean stateChanging) {
        if (!stateChanging) return DEBUG_READ_ONLY;
        return minScope == Scope.DEBUG_READ_ONLY ? CONFIGURATION : of(minScope);
    }

    @Override
    public String toString() {
        return scope.label;
    }
}
