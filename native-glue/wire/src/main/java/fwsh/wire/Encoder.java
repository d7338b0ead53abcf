package fwsh.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Map-of-values to bytes, with range, enum and name checks. */
final class Encoder {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Encoder() {
    }

    /** Extra bytes beyond the fixed size that a value for the layout's variable-length tail needs. */
    static int tailBytes(Layout layout, Map<String, ?> values) {
        Field tail = layout.tail();
        if (tail == null || values == null) return 0;
        Object v = lookupTail(layout, values, tail);
        int elemBytes = (tail.elementBits() + 7) >>> 3;
        int start = tail.bitOffset() >>> 3;
        int extra;
        if (v instanceof List) extra = ((List<?>) v).size() * elemBytes;
        else if (v instanceof byte[]) extra = (((byte[]) v).length + elemBytes - 1) / Math.max(1, elemBytes) * elemBytes;
        else return 0;
        return Math.max(0, start + extra - layout.sizeBytes());
    }

    private static Object lookupTail(Layout layout, Map<String, ?> values, Field tail) {
        Object direct = values.get(tail.name());
        if (direct != null) return direct;
        // The tail may sit inside a trailing struct: follow the last field's map.
        List<Field> fs = layout.fields();
        if (fs.isEmpty()) return null;
        Field last = fs.get(fs.size() - 1);
        if (last.kind() == Field.Kind.STRUCT && values.get(last.name()) instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> inner = (Map<String, ?>) values.get(last.name());
            Field innerTail = last.layout().tail();
            if (innerTail != null) return lookupTail(last.layout(), inner, innerTail);
        }
        for (Map.Entry<String, ?> e : values.entrySet())
            if (e.getKey().endsWith("." + tail.name())) return e.getValue();
        return null;
    }

    /** Writes every entry of {@code values}; offsets are {@code bitBase} + field offset from byte {@code base}. */
    static void encode(Layout layout, byte[] buf, int base, int bitBase, Map<String, ?> values) {
        if (values == null) return;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Field f = layout.field(String.valueOf(e.getKey()));
            encodeField(f, buf, base, bitBase, e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    static void encodeField(Field f, byte[] buf, int base, int bitBase, Object v) {
        if (v == null) throw new ValueRangeException(f.owner() + "." + f.name() + ": null is not a value; " + expected(f));
        int bit = bitBase + f.bitOffset();
        switch (f.kind()) {
            case UINT -> {
                long x = toLong(f, v);
                f.checkFits(x);
                requireRoom(f, buf, base, bit, f.bitWidth());
                Bits.set(buf, base, bit, f.bitWidth(), x);
            }
            case BYTES -> writeBytes(f, buf, base, bit, (f.bitWidth() + 7) >>> 3, v);
            case STRUCT -> {
                if (v instanceof Map) encode(f.layout(), buf, base, bit, (Map<String, ?>) v);
                else if (v instanceof Value) writeBytes(f, buf, base, bit, f.bitWidth() >>> 3, ((Value) v).bytes());
                else if (v instanceof byte[]) writeBytes(f, buf, base, bit, f.bitWidth() >>> 3, v);
                else throw new WireException(f.owner() + "." + f.name() + " is a struct (" + f.layout().name()
                            + "); give a map of its fields, not " + describe(v));
            }
            case ARRAY -> {
                if (v instanceof byte[]) {
                    int cap = f.count() == 0 ? Integer.MAX_VALUE : f.count() * f.elementBits() / 8;
                    writeBytes(f, buf, base, bit, cap, v);
                    return;
                }
                if (!(v instanceof List)) throw new WireException(f.owner() + "." + f.name() + " is an array of "
                        + (f.count() == 0 ? "any number of" : Integer.toString(f.count())) + " elements; give a list, not " + describe(v));
                List<?> list = (List<?>) v;
                if (f.count() > 0 && list.size() > f.count())
                    throw new ValueRangeException(f.owner() + "." + f.name() + ": " + list.size()
                            + " elements given but the array holds " + f.count());
                Field el = f.element();
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item == null) continue; // a placeholder: list positions are element indexes
                    Field at = el.at(el.bitOffset(), f.name() + "[" + i + "]", f.owner());
                    encodeField(at, buf, base, bit + i * f.elementBits(), item);
                }
            }
            case RESERVED -> throw new WireException(f.owner() + ": reserved bits cannot be set");
        }
    }

    private static void writeBytes(Field f, byte[] buf, int base, int bit, int capacity, Object v) {
        byte[] data;
        if (v instanceof byte[]) data = (byte[]) v;
        else if (v instanceof CharSequence) data = v.toString().getBytes(StandardCharsets.US_ASCII);
        else if (v instanceof List) {
            List<?> l = (List<?>) v;
            data = new byte[l.size()];
            for (int i = 0; i < data.length; i++) {
                long b = toLong(f, l.get(i));
                if (b < 0 || b > 255) throw new ValueRangeException(f.owner() + "." + f.name() + "[" + i + "]: byte value "
                        + b + " is outside 0..255");
                data[i] = (byte) b;
            }
        } else throw new WireException(f.owner() + "." + f.name() + " holds " + capacity + " bytes; give a byte[] or a string, not "
                + describe(v));
        if (data.length > capacity)
            throw new ValueRangeException(f.owner() + "." + f.name() + ": " + data.length + " bytes do not fit in "
                    + capacity + " bytes");
        int bits = f.kind() == Field.Kind.BYTES ? Math.min(f.bitWidth(), data.length * 8) : data.length * 8;
        requireRoom(f, buf, base, bit, bits);
        if ((bit & 7) == 0 && (bits & 7) == 0) System.arraycopy(data, 0, buf, base + (bit >>> 3), bits >>> 3);
        else for (int i = 0; i < data.length; i++) {
            int here = Math.min(8, bits - 8 * i);
            if (here <= 0) {
                if (data[i] != 0) throw new ValueRangeException(f.owner() + "." + f.name() + ": byte " + i + " is beyond the field's " + f.bitWidth() + " bits");
                continue;
            }
            int b = data[i] & 0xff;
            if ((b & ((1 << (8 - here)) - 1)) != 0)
                throw new ValueRangeException(f.owner() + "." + f.name() + ": the last byte may only use its top " + here + " bits (field is " + f.bitWidth() + " bits)");
            Bits.set(buf, base, bit + 8 * i, here, b >>> (8 - here));
        }
    }

    private static void requireRoom(Field f, byte[] buf, int base, int bit, int bits) {
        long end = (long) base + ((bit + (long) bits + 7) >>> 3);
        if (end > buf.length) throw new BufferTooShortException(f.owner() + "." + f.name() + " needs bytes up to "
                + end + " but the buffer has " + buf.length);
    }

    /**
     * A whole number, enum name or numeric string to a long, with the field and what it accepts named in errors.
     * Booleans are numbers only for 1-bit fields (flags); anywhere else {@code true} would be sent as 1 unnoticed.
     */
    static long toLong(Field f, Object v) {
        if (v instanceof BigInteger b) return fromBig(f, b, b.toString());
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            BigDecimal d;
            try {
                d = v instanceof BigDecimal bd ? bd : new BigDecimal(((Number) v).doubleValue());
            } catch (NumberFormatException notFinite) {
                throw new ValueRangeException(where(f) + v + " is not a number; " + expected(f));
            }
            if (d.signum() < 0) throw new ValueRangeException(where(f) + "negative value " + v + " is not allowed (" + range(f) + ")");
            if (d.precision() - d.scale() > 20) // more than 20 digits before the point: wider than 64 bits
                throw new ValueRangeException(where(f) + "value " + v + " does not fit in " + f.bitWidth() + " bits (" + range(f) + ")");
            BigInteger whole;
            try {
                whole = d.toBigIntegerExact();
            } catch (ArithmeticException fraction) {
                throw new ValueRangeException(where(f) + v + " is not a whole number; " + expected(f));
            }
            return fromBig(f, whole, v.toString());
        }
        if (v instanceof Number) {
            long x = ((Number) v).longValue();
            // A 64-bit field decodes to a long whose sign bit is the field's top bit; take it back as such.
            if (x < 0 && v instanceof Long && f.bitWidth() >= 64) return x;
            if (x < 0) throw new ValueRangeException(where(f) + "negative value " + x + " is not allowed (" + range(f) + ")");
            return x;
        }
        if (v instanceof Boolean b) {
            if (f.bitWidth() == 1) return b ? 1 : 0;
            throw new ValueRangeException(where(f) + b + " is not a number; " + expected(f)
                    + " (true/false only for 1-bit fields)");
        }
        if (v instanceof Character) return toLong(f, v.toString());
        if (v instanceof CharSequence) {
            String s = v.toString().trim();
            Long e = f.enumValues().get(s);
            if (e != null) return e;
            for (Map.Entry<String, Long> en : f.enumValues().entrySet())
                if (en.getKey().equalsIgnoreCase(s)) return en.getValue();
            Long num = parseNumber(s);
            if (num != null) {
                if (s.startsWith("-")) throw new ValueRangeException(where(f) + "negative value " + s + " is not allowed (" + range(f) + ")");
                // 2^63 and above parse to a negative long: the bits of a 64-bit field, too wide for any other
                if (num < 0 && f.bitWidth() < 64)
                    throw new ValueRangeException(where(f) + "value " + s + " does not fit in " + f.bitWidth() + " bits (" + range(f) + ")");
                return num;
            }
            if (f.enumValues().isEmpty())
                throw new UnknownEnumException(where(f) + "'" + s + "' is not a number and the field has no enum names; " + expected(f));
            List<String> close = DidYouMean.suggest(s, f.enumValues().keySet());
            throw new UnknownEnumException(where(f) + "'" + s + "' is not one of "
                    + String.join(", ", f.enumValues().keySet()) + (close.isEmpty() ? "" : " (did you mean " + close.get(0) + "?)"));
        }
        throw new WireException(f.owner() + "." + f.name() + " is a " + f.bitWidth() + "-bit number; give a number or enum name, not " + describe(v));
    }

    private static long fromBig(Field f, BigInteger b, String text) {
        if (b.signum() < 0) throw new ValueRangeException(where(f) + "negative value " + text + " is not allowed (" + range(f) + ")");
        if (b.bitLength() > Math.min(64, f.bitWidth()))
            throw new ValueRangeException(where(f) + "value " + text + " does not fit in " + f.bitWidth() + " bits (" + range(f) + ")");
        return b.longValue();
    }

    private static String where(Field f) {
        return f.owner() + "." + f.name() + ": ";
    }

    /** "allowed 0..15" for the field's width (64-bit fields up to 2^64-1). */
    static String range(Field f) {
        return f.bitWidth() + "-bit field, allowed 0.." + (f.bitWidth() >= 64 ? U64_MAX.toString() : Long.toString(f.maxValue()));
    }

    /** What the field accepts, for messages: "give a number 0..15 or one of up, down". */
    static String expected(Field f) {
        if (f.kind() != Field.Kind.UINT) return "give a value for its " + f.kind().name().toLowerCase() + " (" + f.bitWidth() + " bits)";
        String numbers = "give a number 0.." + (f.bitWidth() >= 64 ? U64_MAX.toString() : Long.toString(f.maxValue()));
        return f.enumValues().isEmpty() ? numbers : numbers + " or one of " + String.join(", ", f.enumValues().keySet());
    }

    static Long parseNumber(String s) {
        try {
            String t = s.replace("_", "");
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.startsWith("0b") || t.startsWith("0B")) return Long.parseUnsignedLong(t.substring(2), 2);
            if (t.startsWith("-")) return Long.parseLong(t);
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(Object v) {
        return v.getClass().getSimpleName() + " " + (v instanceof byte[] ? ((byte[]) v).length + " bytes" : String.valueOf(v));
    }
}
