package fwsh.channel;

import fwsh.base.ArgumentException;

import java.util.Locale;

/**
 * fwctl RPC scopes (include/uapi/fwctl/fwctl.h, enum fwctl_rpc_scope). Ordered: a higher scope
 * includes every lower one. Scopes 2 and 3 taint the kernel; 3 also needs CAP_SYS_RAWIO.
 */
public enum Scope {
    CONFIGURATION(0, "configuration"),
    DEBUG_READ_ONLY(1, "debug-read-only"),
    DEBUG_WRITE(2, "debug-write"),
    DEBUG_WRITE_FULL(3, "debug-write-full");

    public final int value;
    public final String label;

    Scope(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public boolean taintsKernel() {
        return value >= 2;
    }

    public boolean covers(Scope needed) {
        return value >= needed.value;
    }

    public static Scope ofValue(int v) {
        for (Scope s : values()) if (s.value == v) return s;
        throw new ArgumentException("unknown fwctl scope " + v + " (known: 0-3)");
    }

    /** Accepts the label ("debug-write"), the enum name ("DEBUG_WRITE") or the number ("2"). */
    public static Scope parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Scope s : values()) {
            if (s.label.equals(t) || String.valueOf(s.value).equals(t)) return s;
        }
        throw new ArgumentException("unknown scope '" + text
                + "'; use configuration, debug-read-only, debug-write or debug-write-full");
    }

    @Override
    public String toString() {
        return label;
    }
}
