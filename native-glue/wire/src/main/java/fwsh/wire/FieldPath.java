package fwsh.wire;

import java.util.ArrayList;
import java.util.List;

/** Resolves dotted field paths ({@code a.b[3].c}) against a layout, looking through unions. */
final class FieldPath {
    private FieldPath() {
    }

    static Field resolve(Layout root, String path, byte[] buf, int base) {
        if (path == null || path.isEmpty()) throw new UnknownFieldException(root.title() + ": empty field name");
        Layout cur = root;
        int off = 0;
        Layout parent = null;
        int parentOff = 0;
        Field via = null;
        String owner = root.title();
        Field result = null;
        for (String seg : path.split("\\.", -1)) {
            if (result != null) {
                if (result.kind() != Field.Kind.STRUCT)
                    throw new UnknownFieldException(owner + "." + result.name() + " is a " + result.kind().name().toLowerCase()
                            + " field and has no field '" + seg + "'");
                parent = cur;
                parentOff = off;
                via = result;
                cur = result.layout();
                off = result.bitOffset();
                owner = owner + "." + result.name();
            }
            String name = seg;
            int idx = -1;
            int br = seg.indexOf('[');
            if (br > 0 && seg.endsWith("]")) {
                name = seg.substring(0, br);
                try {
                    idx = Integer.decode(seg.substring(br + 1, seg.length() - 1).trim());
                } catch (NumberFormatException e) {
                    throw new UnknownFieldException(owner + ": bad array index in '" + seg + "'");
                }
            }
            Field f = lookup(cur, name, owner, via, parent, parentOff, buf, base);
            // f's offset is relative to cur; make it relative to root.
            result = f.at(off + f.bitOffset(), f.name(), owner);
            if (idx >= 0) {
                if (result.kind() != Field.Kind.ARRAY)
                    throw new UnknownFieldException(owner + "." + name + " is not an array; drop the [" + idx + "]");
                if (idx < 0 || (result.count() > 0 && idx >= result.count()))
                    throw new UnknownFieldException(owner + "." + name + ": index " + idx + " is out of range 0.."
                            + (result.count() - 1));
                Field el = result.element();
                result = el.at(result.bitOffset() + idx * result.elementBits(), name + "[" + idx + "]", owner);
            }
        }
        return result;
    }

    /** A field of {@code cur} (offset relative to cur), looking through union members when needed. */
    private static Field lookup(Layout cur, String name, String owner, Field via, Layout parent, int parentOff,
                                byte[] buf, int base) {
        int i = cur.indexOf(name);
        if (i >= 0) return cur.fields().get(i);
        Field h = cur.half(name);
        if (h != null) return h;
        if (cur.isUnion()) {
            List<Field[]> hits = new ArrayList<>();
            for (Field m : cur.namedFields()) {
                if (m.layout() == null || m.kind() != Field.Kind.STRUCT) continue;
                Field inner = tryLookup(m.layout(), name);
                if (inner != null) hits.add(new Field[]{m, inner});
            }
            if (hits.size() == 1) return nested(hits.get(0));
            if (hits.size() > 1) {
                String chosen = selected(via, parent, parentOff, buf, base);
                if (chosen != null) for (Field[] hit : hits) if (hit[0].name().equals(chosen)) return nested(hit);
                List<String> names = new ArrayList<>();
                for (Field[] hit : hits) names.add(hit[0].name());
                throw new UnknownFieldException(owner + ": '" + name + "' is in several union members ("
                        + String.join(", ", names) + "); name the member, e.g. " + names.get(0) + "." + name);
            }
        }
        throw new UnknownFieldException(owner, name, DidYouMean.suggest(name, cur.knownNames()));
    }

    private static Field tryLookup(Layout l, String name) {
        int i = l.indexOf(name);
        if (i >= 0) return l.fields().get(i);
        Field h = l.half(name);
        if (h != null) return h;
        if (l.isUnion()) {
            Field found = null;
            for (Field m : l.namedFields()) {
                if (m.layout() == null || m.kind() != Field.Kind.STRUCT) continue;
                Field inner = tryLookup(m.layout(), name);
                if (inner != null) {
                    if (found != null) return null;
                    found = inner.at(m.bitOffset() + inner.bitOffset(), inner.name(), l.name() + "." + m.name());
                }
            }
            return found;
        }
        return null;
    }

    private static Field nested(Field[] hit) {
        Field m = hit[0];
        Field inner = hit[1];
        return inner.at(m.bitOffset() + inner.bitOffset(), inner.name(), inner.owner());
    }

    /** The member name a union field's selector picks in this buffer, or null. */
    private static String selected(Field via, Layout parent, int parentOff, byte[] buf, int base) {
        if (via == null || via.selector() == null || parent == null || buf == null) return null;
        int si = parent.indexOf(via.selector());
        if (si < 0) return null;
        Field sel = parent.fields().get(si);
        if (sel.kind() != Field.Kind.UINT) return null;
        long v = Bits.get(buf, base, parentOff + sel.bitOffset(), sel.bitWidth());
        return via.selection().get(v);
    }
}
