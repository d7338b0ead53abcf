package fwsh.nv;

import fwsh.wire.Bits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of mstflint's params table: where a parameter sits in its item's data and how its value reads, writes and
 * prints. Values: BOOL, UNSIGNED, INTEGER, ENUM and BINARY are {@link NvValue}s (a list of them for arrays); STRING is a
 * String; BYTES is upper-case hex, as mlxconfig shows it.
 */
public final class ParamDef {
    private final String name;
    private final String tlvName;
    private final int bitOffset;
    private final int bits;
    private final ParamType type;
    private final Map<String, Long> enums;
    private final String mlxconfigName;
    private final String description;
    private final String dependency;
    private final String validBit;
    private final String tempVars;
    private final String minVal;
    private final String maxVal;
    private final String rule;
    private final int arrayLength;
    private final int supportedFromVersion;

    public ParamDef(String name, String tlvName, String offset, String size, ParamType type, String textualValues,
                    String mlxconfigName, String description, String dependency, String validBit, String tempVars,
                    String minVal, String maxVal, String rule, int arrayLength, int supportedFromVersion) {
        this.name = name;
        this.tlvName = tlvName;
        this.type = type;
        this.bits = AdbPosition.bits(size);
        this.arrayLength = Math.max(0, arrayLength);
        boolean byteWise = this.arrayLength > 0 || type == ParamType.STRING || type == ParamType.BYTES;
        this.bitOffset = AdbPosition.msbFirst(offset, bits, byteWise);
        this.enums = type == ParamType.ENUM ? parseEnums(textualValues, name) : Map.of();
        this.mlxconfigName = blank(mlxconfigName);
        this.description = description == null ? "" : description.trim();
        this.dependency = blank(dependency);
        this.validBit = blank(validBit);
        this.tempVars = blank(tempVars);
        this.minVal = blank(minVal);
        this.maxVal = blank(maxVal);
        this.rule = blank(rule);
        this.supportedFromVersion = supportedFromVersion;
        if (bits <= 0) throw new NvException("parameter " + tlvName + "." + name + " has no size");
        if (type == ParamType.BOOL && bits != 1) throw new NvException("BOOL parameter " + tlvName + "." + name + " is not 1 bit");
        if (this.arrayLength > 0 && type != ParamType.STRING && type != ParamType.BYTES) {
            int e = bits / this.arrayLength;
            if (e * this.arrayLength != bits || (e != 8 && e != 16 && e != 32)) {
                throw new NvException("array parameter " + tlvName + "." + name + ": " + bits + " bits in " + this.arrayLength
                        + " elements; elements must be 1, 2 or 4 bytes");
            }
        }
        if (!byteWise && bits > 64) throw new NvException("parameter " + tlvName + "." + name + " is " + bits + " bits; numbers hold at most 64");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Long> parseEnums(String text, String param) {
        if (text == null || text.isBlank()) throw new NvException("ENUM parameter " + param + " has no textual_values");
        Map<String, Long> m = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) throw new NvException("ENUM parameter " + param + ": '" + pair + "' is not NAME=0xVALUE");
            // mlxconfig reads the value as hex whether or not it has 0x (strtol base 16)
            String v = pair.substring(eq + 1).trim();
            if (v.startsWith("0x") || v.startsWith("0X")) v = v.substring(2);
            m.put(pair.substring(0, eq).trim(), Long.parseLong(v, 16));
        }
        return Collections.unmodifiableMap(m);
    }

    public String name() {
        return name;
    }

    public String tlvName() {
        return tlvName;
    }

    /** MSB-first bit offset in the item's data. */
    public int bitOffset() {
        return bitOffset;
    }

    public int bits() {
        return bits;
    }

    public ParamType type() {
        return type;
    }

    /** Enum names to values, in the database's order (empty unless ENUM). */
    public Map<String, Long> enums() {
        return enums;
    }

    public String mlxconfigName() {
        return mlxconfigName;
    }

    public String description() {
        return description;
    }

    public String dependency() {
        return dependency;
    }

    public String validBit() {
        return validBit;
    }

    public String tempVars() {
        return tempVars;
    }

    public String minVal() {
        return minVal;
    }

    public String maxVal() {
        return maxVal;
    }

    public String rule() {
        return rule;
    }

    public int arrayLength() {
        return arrayLength;
    }

    public int supportedFromVersion() {
        return supportedFromVersion;
    }

    /** An array of numbers (not STRING or BYTES, which are arrays of characters and bytes in the database). */
    public boolean isArray() {
        return arrayLength > 0 && type != ParamType.STRING && type != ParamType.BYTES;
    }

    public boolean isNumeric() {
        return type != ParamType.STRING && type != ParamType.BYTES;
    }

    public int elementBits() {
        return isArray() ? bits / arrayLength : bits;
    }

    /** Bytes of item data the parameter needs. */
    public int endByte() {
        return (bitOffset + bits + 7) >>> 3;
    }

    String enumName(long n) {
        return NvValue.nameOf(enums, n);
    }

    // ---- decode / encode ----

    /** The value in an item's data; data shorter than the parameter reads as zeros. */
    public Object decode(byte[] data) {
        byte[] d = data.length >= endByte() ? data : java.util.Arrays.copyOf(data, endByte());
        return switch (type) {
            case STRING -> {
                int start = bitOffset >>> 3;
                int len = 0;
                while (len < arrayLength && d[start + len] != 0) len++;
                yield new String(d, start, len, StandardCharsets.US_ASCII);
            }
            case BYTES -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < arrayLength; i++) sb.append(String.format("%02X", d[(bitOffset >>> 3) + i] & 0xff));
                yield sb.toString();
            }
            default -> {
                if (!isArray()) yield NvValue.of(this, Bits.get(d, 0, bitOffset, bits));
                List<NvValue> out = new ArrayList<>();
                int e = elementBits();
                for (int i = 0; i < arrayLength; i++) out.add(NvValue.of(this, Bits.get(d, 0, bitOffset + i * e, e)));
                yield Collections.unmodifiableList(out);
            }
        };
    }

    /** One element of an array parameter. */
    public NvValue decodeElement(byte[] data, int index) {
        checkIndex(index);
        int e = elementBits();
        byte[] d = data.length >= endByte() ? data : java.util.Arrays.copyOf(data, endByte());
        return NvValue.of(this, Bits.get(d, 0, bitOffset + index * e, e));
    }

    /** Writes a value (as {@link #parse} returns it) into item data. */
    public void encode(byte[] data, Object value) {
        Object v = parse(value);
        switch (type) {
            case STRING -> {
                byte[] s = ((String) v).getBytes(StandardCharsets.US_ASCII);
                int start = bitOffset >>> 3;
                java.util.Arrays.fill(data, start, start + arrayLength, (byte) 0);
                System.arraycopy(s, 0, data, start, s.length);
            }
            case BYTES -> {
                byte[] b = hexBytes((String) v);
                int start = bitOffset >>> 3;
                java.util.Arrays.fill(data, start, start + arrayLength, (byte) 0);
                System.arraycopy(b, 0, data, start, b.length);
            }
            default -> {
                if (!isArray()) {
                    Bits.set(data, 0, bitOffset, bits, ((NvValue) v).longValue());
                } else {
                    @SuppressWarnings("unchecked")
                    List<NvValue> list = (List<NvValue>) v;
                    for (int i = 0; i < list.size(); i++) Bits.set(data, 0, bitOffset + i * elementBits(), elementBits(), list.get(i).longValue());
                }
            }
        }
    }

    /** Copies the parameter's bits (or one element's, index >= 0) from {@code from}, whatever they hold (resets to defaults). */
    public void copy(byte[] from, byte[] to, int index) {
        if (!isNumeric()) {
            int start = bitOffset >>> 3;
            System.arraycopy(from, start, to, start, arrayLength);
            return;
        }
        int off = index < 0 ? bitOffset : bitOffset + index * elementBits();
        int width = index < 0 ? bits : elementBits();
        for (int b = 0; b < width; b += 64) {
            int w = Math.min(64, width - b);
            Bits.set(to, 0, off + b, w, Bits.get(from, 0, off + b, w));
        }
    }

    public void encodeElement(byte[] data, int index, Object value) {
        checkIndex(index);
        Bits.set(data, 0, bitOffset + index * elementBits(), elementBits(), parseElement(value, index).longValue());
    }

    private void checkIndex(int index) {
        if (!isArray()) throw new NvException(label() + " is not an array");
        if (index < 0 || index >= arrayLength) {
            throw new NvException(label() + "[" + index + "] is out of range; the array has elements 0.." + (arrayLength - 1));
        }
    }

    // ---- parsing what users write ----

    /**
     * The value a user wrote, checked against the parameter's width and enum: True/False/1/0/true for BOOL; an enum
     * name (any case) or its number for ENUM; decimal or 0x hex numbers; a list for arrays; text for STRING; hex for BYTES.
     */
    public Object parse(Object input) {
        if (input == null) throw new NvException(label() + ": no value given");
        switch (type) {
            case STRING -> {
                String s = input.toString();
                if (s.length() > arrayLength) throw new NvException(label() + ": '" + s + "' is " + s.length() + " characters; at most " + arrayLength);
                if (!StandardCharsets.US_ASCII.newEncoder().canEncode(s)) throw new NvException(label() + ": '" + s + "' is not ASCII");
                return s;
            }
            case BYTES -> {
                String hex = input instanceof byte[] b ? toHex(b) : input.toString();
                byte[] b = hexBytes(hex);
                if (b.length > arrayLength) throw new NvException(label() + ": " + b.length + " bytes given; the parameter holds " + arrayLength);
                return toHex(java.util.Arrays.copyOf(b, arrayLength));
            }
            default -> {
                if (!isArray()) return parseElement(input, -1);
                if (!(input instanceof List<?> list)) {
                    throw new NvException(label() + " is an array of " + arrayLength + " values; give a list, or set one element as "
                            + label() + "[i]");
                }
                if (list.size() != arrayLength) {
                    throw new NvException(label() + ": " + list.size() + " values given; the array has " + arrayLength);
                }
                List<NvValue> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) out.add(parseElement(list.get(i), i));
                return Collections.unmodifiableList(out);
            }
        }
    }

    NvValue parseElement(Object input, int index) {
        String who = index < 0 ? label() : label() + "[" + index + "]";
        int width = elementBits();
        long n;
        if (input instanceof NvValue v) {
            n = v.longValue();
        } else if (input instanceof Boolean b) {
            if (type != ParamType.BOOL && !(type == ParamType.ENUM && enums.values().containsAll(List.of(0L, 1L)))) {
                throw new NvException(who + " is " + kind() + ", not True/False");
            }
            n = b ? 1 : 0;
        } else if (input instanceof Number num) {
            if (num.doubleValue() != Math.rint(num.doubleValue())) throw new NvException(who + ": " + num + " is not a whole number");
            n = num.longValue();
        } else {
            String t = input.toString().trim();
            Long named = null;
            if (type == ParamType.BOOL) {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("True(1)")) named = 1L;
                else if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("False(0)")) named = 0L;
            } else if (type == ParamType.ENUM) {
                String bare = t.replaceAll("\\(\\d+\\)$", "");
                for (Map.Entry<String, Long> e : enums.entrySet()) if (e.getKey().equalsIgnoreCase(bare)) named = e.getValue();
            }
            if (named != null) n = named;
            else {
                try {
                    n = type == ParamType.BINARY && !t.startsWith("0x") && !t.startsWith("0X") && t.matches("[0-9a-fA-F]+") && !t.matches("\\d+")
                            ? Long.parseUnsignedLong(t, 16) : parseNumber(t);
                } catch (NvException notNumber) {
                    throw new NvException(who + ": '" + t + "' is not " + allowed());
                }
            }
        }
        if (n < 0 || (width < 64 && n >= (1L << width))) {
            throw new NvException(who + ": " + n + " does not fit in " + width + " bits (0.." + ((width < 64 ? (1L << width) : 0) - 1) + ")");
        }
        if (type == ParamType.ENUM && !enums.containsValue(n)) {
            throw new NvException(who + ": " + n + " is not " + allowed());
        }
        if (type == ParamType.BOOL && n > 1) throw new NvException(who + ": " + n + " is not " + allowed());
        return NvValue.of(this, n);
    }

    /** What the parameter accepts, for refusals: "True or False", "one of IB(1), ETH(2)", "0..65535". */
    public String allowed() {
        return switch (type) {
            case BOOL -> "True or False (1 or 0)";
            case ENUM -> {
                List<String> names = new ArrayList<>();
                enums.forEach((k, v) -> names.add(k + "(" + v + ")"));
                yield "one of " + String.join(", ", names);
            }
            case STRING -> "text of at most " + arrayLength + " characters";
            case BYTES -> "hex of at most " + arrayLength + " bytes";
            default -> {
                int w = elementBits();
                yield "a number 0.." + (w >= 64 ? "2^64-1" : Long.toString((1L << w) - 1));
            }
        };
    }

    private String kind() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private String label() {
        return mlxconfigName != null ? mlxconfigName : tlvName + "." + name;
    }

    static long parseNumber(String t) {
        String s = t.trim().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NvException("'" + t + "' is not a number");
        }
    }

    static byte[] hexBytes(String hex) {
        String h = hex.trim().replaceAll("[:\\-\\s]", "");
        if (h.startsWith("0x") || h.startsWith("0X")) h = h.substring(2);
        if (!h.matches("([0-9a-fA-F]{2})*")) throw new NvException("'" + hex + "' is not hex bytes (pairs of 0-9, A-F)");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X", x & 0xff));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ParamDef(" + tlvName + "." + name + (mlxconfigName == null ? "" : " " + mlxconfigName) + " " + type + " @" + bitOffset + "+" + bits + ")";
    }
}
