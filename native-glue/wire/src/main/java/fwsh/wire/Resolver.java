package fwsh.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns layout definitions into resolved layouts: computes offsets, sizes, nested layouts and union selection. */
final class Resolver {
    private final CatalogSource src;
    private final Map<String, Layout> done = new ConcurrentHashMap<>();
    private final ThreadLocal<Deque<String>> stack = ThreadLocal.withInitial(ArrayDeque::new);

    Resolver(CatalogSource src) {
        this.src = src;
    }

    Layout resolve(String name) {
        Layout l = done.get(name);
        if (l != null) return l;
        synchronized (this) {
            l = done.get(name);
            if (l != null) return l;
            l = build(name);
            done.put(name, l);
            return l;
        }
    }

    private Layout build(String name) {
        LayoutDef d = src.layouts.get(name);
        if (d == null) throw new UnknownFieldException("catalog layouts", name, DidYouMean.suggest(name, src.layouts.keySet()));
        Deque<String> st = stack.get();
        if (st.contains(name)) throw new LayoutSyntaxException(at(d.source) + "layout " + name + " contains itself (" + String.join(" -> ", st) + " -> " + name + ")");
        st.push(name);
        try {
            return buildDef(d);
        } finally {
            st.pop();
        }
    }

    private Layout buildDef(LayoutDef d) {
        List<FieldDef> defs = new ArrayList<>(d.fields);
        if (d.lenient && !d.union) defs.sort(Comparator.comparingInt(f -> f.position < 0 ? Integer.MAX_VALUE : f.position));
        Map<String, FieldDef> byName = new HashMap<>();
        for (FieldDef f : defs) if (f.name != null) byName.putIfAbsent(f.name, f);
        List<Field> out = new ArrayList<>();
        int cursor = 0;
        int maxEnd = 0;
        FieldDef last = null;
        for (FieldDef fd : defs) {
            Layout nested = null;
            int elemBits;
            if (fd.typeName != null) {
                if (!src.layouts.containsKey(fd.typeName))
                    throw new MissingLayoutException(at(fd.source) + d.name + "." + (fd.name == null ? "reserved" : fd.name)
                            + ": no layout '" + fd.typeName + "'" + hint(fd.typeName, src.layouts.keySet()), fd.typeName);
                nested = resolve(fd.typeName);
                elemBits = nested.sizeBits();
            } else {
                elemBits = fd.bits;
            }
            if (elemBits < 0) throw new LayoutSyntaxException(at(fd.source) + d.name + "." + fd.name + " has no width");
            if (elemBits == 0 && fd.count < 0 && nested == null) {
                // a zero-width scalar has nothing to read; imported files may carry one, hand-written ones may not
                if (d.lenient) continue;
                throw new LayoutSyntaxException(at(fd.source) + d.name + "." + (fd.name == null ? "reserved" : fd.name) + " has width 0");
            }
            int total = fd.count < 0 ? elemBits : fd.count * elemBits;
            int start = d.union ? Math.max(0, fd.position) : fd.position >= 0 ? fd.position : cursor;
            // Overlapping fields are refused in every source: an importer that misplaces a field shows up here.
            if (!d.union && start < cursor)
                throw new LayoutSyntaxException(at(fd.source) + d.name + "." + (fd.name == null ? "reserved" : fd.name)
                        + " at " + pos(start) + " overlaps " + (last == null || last.name == null ? "the previous field" : last.name)
                        + ", which ends at " + pos(cursor));
            if (!d.union && start > cursor) out.add(reserved(d.name, cursor, start - cursor));
            out.add(field(d, fd, start, total, elemBits, nested, byName));
            if (start + total > cursor) last = fd;
            cursor = Math.max(cursor, start + total);
            maxEnd = Math.max(maxEnd, start + total);
        }
        int size = d.sizeBits >= 0 ? d.sizeBits : (d.union ? maxEnd : cursor);
        if (size < maxEnd) {
            if (!d.lenient) throw new LayoutSyntaxException(at(d.source) + d.name + ": fields end at " + pos(maxEnd)
                    + " but the declared size is " + (d.sizeBits / 8) + " bytes");
            size = maxEnd;
        }
        if (!d.union && size > cursor) out.add(reserved(d.name, cursor, size - cursor));
        return new Layout(d.name, d.union, size, d.description, out);
    }

    private Field field(LayoutDef d, FieldDef fd, int start, int total, int elemBits, Layout nested, Map<String, FieldDef> siblings) {
        if (fd.name == null) return reserved(d.name, start, total);
        Map<String, Long> enums = fd.enums;
        if (enums == null && fd.enumRef != null) {
            enums = src.enums.get(fd.enumRef);
            if (enums == null) throw new LayoutSyntaxException(at(fd.source) + d.name + "." + fd.name + ": no enum named '"
                    + fd.enumRef + "'" + hint(fd.enumRef, src.enums.keySet()));
        }
        if (fd.count >= 0) {
            Field element = nested != null
                    ? new Field(d.name, fd.name, 0, elemBits, Field.Kind.STRUCT, null, fd.access, fd.unit, fd.description, fd.alias,
                    nested, -1, 0, null, null, null, null, fd.ascii, null, null, false)
                    : new Field(d.name, fd.name, 0, elemBits, elemBits > 64 ? Field.Kind.BYTES : Field.Kind.UINT, enums, fd.access,
                    fd.unit, fd.description, fd.alias, null, -1, 0, null, null, null, null, fd.ascii, null, null, false);
            return new Field(d.name, fd.name, start, total, Field.Kind.ARRAY, enums, fd.access, fd.unit, fd.description, fd.alias,
                    nested, fd.count, elemBits, element, null, null, fd.when, fd.ascii, null, null, false);
        }
        if (nested != null) {
            Map<Long, String> selection = null;
            if (fd.select != null) selection = selection(d, fd, nested, siblings);
            return new Field(d.name, fd.name, start, total, Field.Kind.STRUCT, null, fd.access, fd.unit, fd.description, fd.alias,
                    nested, -1, 0, null, fd.select, selection, fd.when, fd.ascii, null, null, false);
        }
        if (fd.required && fd.access != Access.INDEX)
            throw new LayoutSyntaxException(at(fd.source) + d.name + "." + fd.name + ": 'required' is for INDEX fields");
        Field.Kind kind = total > 64 || (fd.ascii && total % 8 == 0) ? Field.Kind.BYTES : Field.Kind.UINT;
        String hi = fd.splitHigh;
        String lo = fd.splitLow;
        if (hi != null && total != 64) throw new LayoutSyntaxException(at(fd.source) + d.name + "." + fd.name + ": split needs a 64-bit field");
        return new Field(d.name, fd.name, start, total, kind, enums, fd.access, fd.unit, fd.description, fd.alias, null, -1, 0, null,
                null, null, fd.when, fd.ascii, hi, lo, fd.required);
    }

    /** Selector value to member name, from the members' "when" lists (numbers or the selector's enum names). */
    private Map<Long, String> selection(LayoutDef d, FieldDef fd, Layout union, Map<String, FieldDef> siblings) {
        FieldDef sel = siblings.get(fd.select);
        if (sel == null && d.lenient) return null; // imported data may select by a nested path; show all members
        if (sel == null) throw new LayoutSyntaxException(at(fd.source) + d.name + "." + fd.name + ": selector '" + fd.select
                + "' is not a field of " + d.name + hint(fd.select, siblings.keySet()));
        Map<String, Long> selEnum = sel.enums != null ? sel.enums : sel.enumRef != null ? src.enums.get(sel.enumRef) : null;
        Map<Long, String> out = new LinkedHashMap<>();
        for (Field m : union.namedFields()) {
            for (String w : m.when()) {
                Long v = Encoder.parseNumber(w);
                if (v == null && selEnum != null) {
                    v = selEnum.get(w);
                    if (v == null) for (Map.Entry<String, Long> e : selEnum.entrySet()) if (e.getKey().equalsIgnoreCase(w)) v = e.getValue();
                }
                if (v == null) {
                    if (d.lenient) continue;
                    throw new LayoutSyntaxException(at(fd.source) + union.name() + "." + m.name() + ": when=" + w
                            + " is neither a number nor a value of " + d.name + "." + fd.select);
                }
                out.putIfAbsent(v, m.name());
            }
        }
        return out;
    }

    private static Field reserved(String owner, int start, int bits) {
        return new Field(owner, "reserved_at_" + Integer.toHexString(start), start, bits, Field.Kind.RESERVED, null, null, null,
                null, null, null, -1, 0, null, null, null, null, false, null, null, false);
    }

    private static String hint(String name, java.util.Collection<String> names) {
        List<String> s = DidYouMean.suggest(name, names);
        return s.isEmpty() ? "" : "; did you mean " + String.join(", ", s) + "?";
    }

    static String at(String source) {
        return source == null ? "" : source + ": ";
    }

    private static String pos(int bit) {
        return String.format("byte 0x%x bit %d (ifc bit 0x%x)", (bit >>> 5) * 4, 31 - (bit & 31), bit);
    }
}
