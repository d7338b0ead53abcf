package fwsh.nv;

/** The {@code type} column of mstflint's params table: how a parameter's bits are read and written. */
public enum ParamType {
    /** One bit, True/False. */
    BOOL,
    /** An unsigned number. */
    UNSIGNED,
    /** Treated as unsigned, as mlxconfig does. */
    INTEGER,
    /** Named values from {@code textual_values}; a number outside them is kept and shown as a number. */
    ENUM,
    /** A number shown in hex. */
    BINARY,
    /** Raw bytes, shown and given as hex. */
    BYTES,
    /** NUL-terminated ASCII. */
    STRING;

    public static ParamType parse(String text) {
        try {
            return valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new NvException("unknown parameter type '" + text + "'; the database knows BOOL, UNSIGNED, INTEGER, ENUM, BINARY, BYTES, STRING");
        }
    }
}
