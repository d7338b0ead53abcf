package fwsh.nv;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One numeric parameter value as mlxconfig prints it: {@code True(1)}, {@code ETH(2)}, {@code 8}, {@code 0x1A}. A
 * Number, so scripts compare and test it as one ({@code dev.nv.NUM_OF_VFS > 4}, {@code if (dev.nv.SRIOV_EN)}); it also
 * equals the spellings users write: {@code 'ETH'}, {@code 'True'}, {@code true}.
 */
public final class NvValue extends Number {
    private final ParamType type;
    private final long number;
    private final String name;

    NvValue(ParamType type, long number, String name) {
        this.type = type;
        this.number = number;
        this.name = name;
    }

    static NvValue of(ParamDef p, long n) {
        String name = switch (p.type()) {
            case BOOL -> n == 0 ? "False" : "True";
            case ENUM -> p.enumName(n);
            default -> null;
        };
        return new NvValue(p.type(), n, name);
    }

    /** The enum or boolean name (ETH, True), or null for a plain number or an enum value without a name. */
    public String getName() {
        return name;
    }

    public long getValue() {
        return number;
    }

    public ParamType getType() {
        return type;
    }

    @Override
    public int intValue() {
        return (int) number;
    }

    @Override
    public long longValue() {
        return number;
    }

    @Override
    public float floatValue() {
        return number;
    }

    @Override
    public double doubleValue() {
        return number;
    }

    /** Groovy truth: a parameter is true when it is not 0 (False, DISABLED=0, 0 VFs). */
    public boolean asBoolean() {
        return number != 0;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof NvValue v) return v.number == number && (v.type == type || (v.name == null) == (name == null));
        if (o instanceof Boolean b) return (number != 0) == b;
        if (o instanceof Number n) return n.longValue() == number && n.doubleValue() == number;
        if (o instanceof CharSequence s) return matches(s.toString());
        return false;
    }

    private boolean matches(String text) {
        String t = text.trim();
        if (name != null && (t.equalsIgnoreCase(name) || t.equalsIgnoreCase(toString()))) return true;
        try {
            return ParamDef.parseNumber(t) == number;
        } catch (NvException notNumber) {
            return false;
        }
    }

    @Override
    public int hashCode() {
        return Long.hashCode(number);
    }

    /** True(1), ETH(2), 8, 0x1A — mlxconfig's query column. */
    @Override
    public String toString() {
        if (name != null) return name + "(" + number + ")";
        if (type == ParamType.BINARY) return "0x" + Long.toHexString(number).toUpperCase(Locale.ROOT);
        return Long.toString(number);
    }

    static String nameOf(Map<String, Long> enums, long n) {
        for (Map.Entry<String, Long> e : enums.entrySet()) if (Objects.equals(e.getValue(), n)) return e.getKey();
        return null;
    }
}
