package fwsh.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved field: name, MSB-first bit offset and width, kind and annotations. Offsets are
 * relative to the layout the field was resolved in ({@link Layout#field(String)} returns fields
 * with offsets relative to that layout, so {@link #get(byte[], int)} works on its buffers).
 */
public final class Field {
    /** What a field holds. A union is a STRUCT whose {@link #layout()} is a union. */
    public enum Kind { UINT, BYTES, STRUCT, ARRAY, RESERVED }

    private final String owner;
    private final String name;
    private final int bitOffset;
    private final int bitWidth;
    private final Kind kind;
    private final Map<String, Long> enums;
    private final Map<Long, String> enumNames;
    private final Access access;
    private final String unit;
    private final String description;
    private final String alias;
    private final Layout layout;
    private final int count;
    private final int elementBits;
    private final Field element;
    private final String selector;
    private final Map<Long, String> selection;
    private final List<String> when;
    private final boolean ascii;
    private final String splitHigh;
    private final String splitLow;
    private final long max;
    private final boolean required;

    Field(String owner, String name, int bitOffset, int bitWidth, Kind kind, Map<String, Long> enums,
          Access access, String unit, String description, String alias, Layout layout, int count,
          int elementBits, Field element, String selector, Map<Long, String> selection, List<String> when,
          boolean ascii, String splitHigh, String splitLow, boolean required) {
        this.owner = owner;
        this.name = name;
        this.bitOffset = bitOffset;
        this.bitWidth = bitWidth;
        this.kind = kind;
        this.enums = enums == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(enums));
        Map<Long, String> byValue = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : this.enums.entrySet()) byValue.putIfAbsent(e.getValue(), e.getKey());
        this.enumNames = byValue;
        this.access = access == null ? Access.NONE : access;
        this.unit = unit;
        this.description = description == null ? "" : description;
        this.alias = alias;
        this.layout = layout;
        this.count = count;
        this.elementBits = elementBits;
        this.element = element;
        this.selector = selector;
        this.selection = selection == null ? Map.of() : Collections.unmodifiableMap(selection);
        this.when = when == null ? List.of() : List.copyOf(when);
        this.ascii = ascii;
        this.splitHigh = splitHigh;
        this.splitLow = splitLow;
        this.max = bitWidth >= 64 ? -1L : (1L << bitWidth) - 1;
        this.required = required;
    }

    /** The same field at another bit offset (used when resolving dotted paths and array elements). */
    Field at(int newOffset, String newName, String newOwner) {
        return new Field(newOwner, newName, newOffset, bitWidth, kind, enums, access, unit, description, alias,
                layout, count, elementBits, element, selector, selection, when, ascii, splitHigh, splitLow, required);
    }

    /** Element {@code i} of a fixed-size ARRAY as a field of its own, named {@code name[i]}, at its offset in the owner. */
    public Field elementAt(int i) {
        if (kind != Kind.ARRAY || i < 0 || (count > 0 && i >= count)) {
            throw new WireException(owner + "." + name + (kind == Kind.ARRAY ? " has no element " + i + " (" + count + " elements)" : " is not an array"));
        }
        return element.at(bitOffset + i * elementBits, name + "[" + i + "]", owner);
    }

    /** A plain numeric field (used for the _high/_low halves of a 64-bit counter). */
    static Field uint(String owner, String name, int bitOffset, int bitWidth, Access access, String description) {
        return new Field(owner, name, bitOffset, bitWidth, Kind.UINT, null, access, null, description, null, null,
                -1, 0, null, null, null, null, false, null, null, false);
    }

    public String name() { return name; }
    /** Layout that owns the field (for messages). */
    public String owner() { return owner; }
    public int bitOffset() { return bitOffset; }
    public int bitWidth() { return bitWidth; }
    public Kind kind() { return kind; }
    public Map<String, Long> enumValues() { return enums; }
    public Access access() { return access; }
    public String unit() { return unit; }
    public String description() { return description; }
    /** The ethtool/mlx5e (or other tool's) name of this field, or null. */
    public String alias() { return alias; }
    /** Nested layout of a STRUCT field, or the element layout of an array of structs; else null. */
    public Layout layout() { return layout; }
    /** Number of elements of an ARRAY (0 = variable-length tail), -1 otherwise. */
    public int count() { return count; }
    public int elementBits() { return elementBits; }
    /** Element template (offset 0) of an ARRAY. */
    public Field element() { return element; }
    /** For a union field: name of the sibling field whose value selects the member. */
    public String selector() { return selector; }
    /** For a union field: selector value to member name. */
    public Map<Long, String> selection() { return selection; }
    /** For a union member: the selector values (as written) that select it. */
    public List<String> when() { return when; }
    public boolean ascii() { return ascii; }
    public String splitHigh() { return splitHigh; }
    public String splitLow() { return splitLow; }
    public boolean isReserved() { return kind == Kind.RESERVED; }
    /** An index field a read or write must name (local_port): zero would select something the caller did not mean. */
    public boolean required() { return required; }
    public boolean isNumeric() { return kind == Kind.UINT; }
    public boolean isTail() { return kind == Kind.ARRAY && count == 0; }
    public int byteOffset() { return bitOffset >>> 3; }

    /** Largest value the field holds (as unsigned for 64-bit fields: -1 means 2^64-1). */
    public long maxValue() { return max; }

    /** The enum name of a value, or null. */
    public String enumName(long value) {
        return enumNames.get(value);
    }

    /** The PRM notation of this field's position, e.g. {@code 0x04[23:16]} or {@code 0x18 (8B)}. */
    public String prmPosition() {
        int dword = (bitOffset >>> 5) * 4;
        int within = bitOffset & 31;
        if (within + bitWidth <= 32) {
            int msb = 31 - within;
            int lsb = msb - bitWidth + 1;
            return String.format("0x%02x[%s]", dword, msb == lsb ? Integer.toString(msb) : msb + ":" + lsb);
        }
        if ((bitOffset & 7) == 0 && (bitWidth & 7) == 0) return String.format("0x%02x (%dB)", bitOffset >>> 3, bitWidth >>> 3);
        return String.format("bit 0x%x (%d bits)", bitOffset, bitWidth);
    }

    /** Reads a numeric field from a buffer holding the owning layout at byte {@code base}. */
    public long get(byte[] buf, int base) {
        if (kind != Kind.UINT) throw new WireException(owner + "." + name + " is a " + kind.name().toLowerCase()
                + " field, not a number; use Value.get(\"" + name + "\")");
        checkBounds(buf, base);
        if ((bitOffset & 31) == 0) {
            if (bitWidth == 32) return Bits.u32(buf, base + (bitOffset >>> 3)) & 0xffffffffL;
            if (bitWidth == 64) return Bits.u64(buf, base + (bitOffset >>> 3));
        }
        return Bits.get(buf, base, bitOffset, bitWidth);
    }

    /** Writes a numeric field after checking that the value fits. */
    public void set(byte[] buf, int base, long value) {
        if (kind != Kind.UINT) throw new WireException(owner + "." + name + " is a " + kind.name().toLowerCase()
                + " field, not a number");
        checkFits(value);
        checkBounds(buf, base);
        Bits.set(buf, base, bitOffset, bitWidth, value);
    }

    void checkFits(long value) {
        if (bitWidth >= 64) return;
        if (value < 0) throw new ValueRangeException(owner + "." + name + ": negative value " + value
                + " is not allowed (" + bitWidth + "-bit field, allowed 0.." + max + ")");
        if (value > max) throw new ValueRangeException(owner + "." + name + ": value " + value + " (0x"
                + Long.toHexString(value) + ") does not fit in " + bitWidth + " bits (allowed 0.." + max
                + " = 0x" + Long.toHexString(max) + ")");
    }

    void checkBounds(byte[] buf, int base) {
        if (buf == null) throw new BufferTooShortException(owner + "." + name + ": no buffer (null)");
        long end = (long) base + ((bitOffset + (long) bitWidth + 7) >>> 3);
        if (base < 0 || end > buf.length) throw new BufferTooShortException(owner + "." + name + " needs bytes up to "
                + end + " but the buffer has " + buf.length + " (base " + base + ")");
    }

    @Override
    public String toString() {
        return owner + "." + name + " " + prmPosition() + " " + kind.name().toLowerCase()
                + (kind == Kind.UINT || kind == Kind.BYTES ? "(" + bitWidth + ")" : "")
                + (layout != null ? "<" + layout.name() + ">" : "")
                + (kind == Kind.ARRAY ? "[" + count + "]" : "");
    }
}
