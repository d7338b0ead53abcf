package fwsh.wire;

/** Field access class as the PRM/ADB names it. */
public enum Access {
    RO, RW, WO, INDEX, OP, NONE;

    /** Parses RO/RW/WO/INDEX/OP (case-insensitive) or returns null when the token is not an access word. */
    public static Access parse(String s) {
        if (s == null) return null;
        switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "RO": return RO;
            case "RW": return RW;
            case "WO": return WO;
            case "INDEX": return INDEX;
            case "OP": return OP;
            default: return null;
        }
    }
}
