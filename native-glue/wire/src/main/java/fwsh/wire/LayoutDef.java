package fwsh.wire;

import java.util.ArrayList;
import java.util.List;

/** A layout as written in a catalog source (struct or union), before offsets are resolved. */
public final class LayoutDef {
    public final String name;
    public final boolean union;
    /** Declared size in bits, or -1 to use the fields' extent. */
    public int sizeBits = -1;
    public String description;
    public final List<FieldDef> fields = new ArrayList<>();
    /** file:line of the definition. */
    public String source;
    /**
     * Imported ADB data, which is not always tidy: fields are taken in position order, zero-width fields and a
     * declared size smaller than the fields are tolerated. Overlapping fields are refused here too.
     */
    public boolean lenient;

    public LayoutDef(String name, boolean union) {
        this.name = name;
        this.union = union;
    }

    public LayoutDef copy() {
        LayoutDef d = new LayoutDef(name, union);
        d.sizeBits = sizeBits;
        d.description = description;
        d.source = source;
        d.lenient = lenient;
        for (FieldDef f : fields) d.fields.add(f.copy());
        return d;
    }
}
