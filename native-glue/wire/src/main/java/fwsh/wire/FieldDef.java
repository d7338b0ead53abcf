package fwsh.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field as written in a catalog source, before offsets are computed: a width in bits or a
 * type name (a nested layout), an optional absolute position, an optional array count and the
 * annotations. Importers and the .prm parser both produce these.
 */
public final class FieldDef {
    /** Name; null for a reserved gap. */
    public String name;
    /** Absolute MSB-first bit offset inside the layout, or -1 to follow the previous field. */
    public int position = -1;
    /** Width of one element in bits (numeric/byte fields), or -1 when {@link #typeName} is set. */
    public int bits = -1;
    /** Name of a nested layout (struct or union), or null. */
    public String typeName;
    /** -1 scalar, 0 variable-length tail, N array of N elements. */
    public int count = -1;
    public Access access;
    public Map<String, Long> enums;
    /** Name of a shared enum block. */
    public String enumRef;
    public String unit;
    public String description;
    public String alias;
    /** For a union-typed field: the sibling field whose value selects the member. */
    public String select;
    /** For a member of a union: selector values (numbers or enum names) that select it. */
    public List<String> when;
    public boolean ascii;
    /** With INDEX access: reads and writes must name the field. */
    public boolean required;
    /** For a 64-bit counter stored as two dwords: suffixes of the halves, e.g. "_high"/"_low". */
    public String splitHigh;
    public String splitLow;
    /** file:line, for messages. */
    public String source;

    public boolean reserved() {
        return name == null;
    }

    public FieldDef copy() {
        FieldDef d = new FieldDef();
        d.name = name;
        d.position = position;
        d.bits = bits;
        d.typeName = typeName;
        d.count = count;
        d.access = access;
        d.enums = enums == null ? null : new LinkedHashMap<>(enums);
        d.enumRef = enumRef;
        d.unit = unit;
        d.description = description;
        d.alias = alias;
        d.select = select;
        d.when = when == null ? null : new ArrayList<>(when);
        d.ascii = ascii;
        d.required = required;
        d.splitHigh = splitHigh;
        d.splitLow = splitLow;
        d.source = source;
        return d;
    }

    /** Copies annotations (enum, access, unit, description, alias) that this definition lacks from {@code other}. */
    public boolean adoptAnnotations(FieldDef other) {
        boolean any = false;
        if (enums == null && enumRef == null && (other.enums != null || other.enumRef != null)) {
            enums = other.enums;
            enumRef = other.enumRef;
            any = true;
        }
        if (access == null && other.access != null) { access = other.access; any = true; }
        if (unit == null && other.unit != null) { unit = other.unit; any = true; }
        if ((description == null || description.isEmpty()) && other.description != null) { description = other.description; any = true; }
        if (alias == null && other.alias != null) { alias = other.alias; any = true; }
        if (select == null && other.select != null) { select = other.select; any = true; }
        if (when == null && other.when != null) { when = other.when; any = true; }
        if (!ascii && other.ascii) { ascii = true; any = true; }
        if (!required && other.required && (access == null || access == Access.INDEX)) { required = true; any = true; }
        return any;
    }
}
