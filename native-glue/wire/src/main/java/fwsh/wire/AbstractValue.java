package fwsh.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Path walking, maps and printing shared by the eager and lazy values. */
abstract class AbstractValue implements Value {
    protected final Layout layout;
    /** The bytes, where this value starts (byte base + bit offset), how far they may be read, the union member. */
    protected final byte[] buf;
    protected final int base;
    protected final int bitBase;
    protected final int limit;
    protected final String member;

    AbstractValue(Layout layout, byte[] buf, int base, int bitBase, int limit, String member) {
        this.layout = layout;
        this.buf = buf;
        this.base = base;
        this.bitBase = bitBase;
        this.limit = limit;
        this.member = member;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    /** Value of the field at index i of the layout. */
    abstract Object valueAt(int i);

    /** Whether field i is part of this value (false for reserved bits and unselected union members). */
    boolean present(int i) {
        Field f = layout.fields().get(i);
        return !f.isReserved() && (member == null || f.name().equals(member));
    }

    /** Reads a field not in the field list (a 64-bit counter half) from this value's bytes. */
    long readHalf(Field half) {
        return Decoding.readUint(buf, base, bitBase + half.bitOffset(), half.bitWidth());
    }

    @Override
    public Object get(String path) {
        return walk(path, false);
    }

    @Override
    public long getLong(String path) {
        Object v = walk(path, false);
        if (v instanceof Long) return (Long) v;
        throw new WireException(layout.title() + "." + path + " is not a number (it is "
                + (v == null ? "absent" : v instanceof byte[] ? "a byte array" : v instanceof Value ? "a struct" : "a list") + ")");
    }

    @Override
    public String enumName(String path) {
        Object f = walk(path, true);
        if (!(f instanceof Field)) return null;
        Object v = walk(path, false);
        return v instanceof Long ? ((Field) f).enumName((Long) v) : null;
    }

    /** Walks a dotted path; returns the value, or the Field when {@code wantField}. */
    Object walk(String path, boolean wantField) {
        AbstractValue cur = this;
        String[] segs = path.split("\\.", -1);
        for (int s = 0; s < segs.length; s++) {
            String seg = segs[s];
            String name = seg;
            int idx = -1;
            int br = seg.indexOf('[');
            if (br > 0 && seg.endsWith("]")) {
                name = seg.substring(0, br);
                Long n = Encoder.parseNumber(seg.substring(br + 1, seg.length() - 1).trim());
                if (n == null) throw new UnknownFieldException(cur.layout.title() + ": bad array index in '" + seg + "'");
                idx = n.intValue();
            }
            boolean last = s == segs.length - 1;
            int i = cur.layout.indexOf(name);
            if (i < 0) {
                Field half = cur.layout.half(name);
                if (half != null && last && idx < 0) return wantField ? half : (Object) cur.readHalf(half);
                if (cur.layout.isUnion()) {
                    // Look through the present member(s) for the name.
                    AbstractValue hit = null;
                    for (int m = 0; m < cur.layout.fields().size(); m++) {
                        if (!cur.present(m)) continue;
                        Object mv = cur.valueAt(m);
                        if (mv instanceof AbstractValue && ((AbstractValue) mv).has(name)) {
                            if (hit != null) throw new UnknownFieldException(cur.layout.title() + ": '" + name
                                    + "' is in several union members; name the member first");
                            hit = (AbstractValue) mv;
                        }
                    }
                    if (hit != null) {
                        cur = hit;
                        s--;
                        continue;
                    }
                }
                throw new UnknownFieldException(cur.layout.title(), name, DidYouMean.suggest(name, cur.layout.knownNames()));
            }
            if (!cur.present(i)) {
                throw new UnknownFieldException(cur.layout.title() + "." + name + " is a union member that is not selected here"
                        + " (selected: " + cur.presentNames() + ")");
            }
            Field f = cur.layout.fields().get(i);
            Object v = cur.valueAt(i);
            if (idx >= 0) {
                if (!(v instanceof List)) throw new UnknownFieldException(cur.layout.title() + "." + name + " is not an array");
                List<?> l = (List<?>) v;
                if (idx < 0 || idx >= l.size())
                    throw new UnknownFieldException(cur.layout.title() + "." + name + ": index " + idx + " is out of range 0.." + (l.size() - 1));
                v = l.get(idx);
                f = f.element();
            }
            if (last) return wantField ? f : v;
            if (!(v instanceof AbstractValue))
                throw new UnknownFieldException(cur.layout.title() + "." + name + " has no field '" + segs[s + 1] + "'");
            cur = (AbstractValue) v;
        }
        throw new IllegalStateException("unreachable");
    }

    private boolean has(String name) {
        if (layout.indexOf(name) >= 0 || layout.half(name) != null) return true;
        if (layout.isUnion())
            for (int m = 0; m < layout.fields().size(); m++)
                if (present(m) && valueAt(m) instanceof AbstractValue && ((AbstractValue) valueAt(m)).has(name)) return true;
        return false;
    }

    private String presentNames() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < layout.fields().size(); i++) if (present(i)) n.add(layout.fields().get(i).name());
        return n.isEmpty() ? "none" : String.join(", ", n);
    }

    @Override
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < layout.fields().size(); i++) if (present(i)) out.add(layout.fields().get(i));
        return out;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < layout.fields().size(); i++) {
            if (!present(i)) continue;
            m.put(layout.fields().get(i).name(), plain(valueAt(i)));
        }
        return m;
    }

    private static Object plain(Object v) {
        if (v instanceof Value) return ((Value) v).toMap();
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) v) out.add(plain(o));
            return out;
        }
        if (v instanceof byte[]) return ((byte[]) v).clone();
        return v;
    }

    @Override
    public String toString() {
        return layout.title() + "(" + Show.oneLine(this) + ")";
    }

    @Override
    public String show() {
        return Show.table(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value && ((Value) o).layout().name().equals(layout.name())
                && java.util.Arrays.equals(((Value) o).bytes(), bytes());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes());
    }
}
