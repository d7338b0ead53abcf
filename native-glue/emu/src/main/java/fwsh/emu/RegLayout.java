package fwsh.emu;

import fwsh.wire.Catalog;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.RegisterDef;
import fwsh.wire.WireException;

import java.util.ArrayList;
import java.util.List;

/**
 * A register's layout in the built-in catalog, the one source of its id, data size and field
 * positions for the emulator's models. A register or field name the catalog lacks fails when the
 * model is built (emulator start-up), naming both, instead of writing nowhere.
 */
final class RegLayout {
    /** The register; null for {@link #structure} layouts. */
    final RegisterDef def;
    private final Layout layout;
    /** Who resolves fields, for messages: "emulator register model MGIR". */
    private final String owner;

    private RegLayout(RegisterDef def, Layout layout, String owner) {
        this.def = def;
        this.layout = layout;
        this.owner = owner;
    }

    static RegLayout of(String register) {
        RegisterDef d = Catalog.builtin().findRegister(register).orElseThrow(() ->
                new IllegalStateException("emulator register model " + register + ": no such register in the built-in catalog"));
        return new RegLayout(d, d.layout(), "emulator register model " + register);
    }

    /** A layout that is not a register's (a trace event the emulator writes into host memory). */
    static RegLayout structure(String layoutName) {
        Layout l = Catalog.builtin().findLayout(layoutName).orElseThrow(() ->
                new IllegalStateException("emulator model of layout " + layoutName + ": no such layout in the built-in catalog"));
        return new RegLayout(null, l, "emulator model of layout " + layoutName);
    }

    Layout layout() {
        return layout;
    }

    /** The field at a dotted path ({@code fw_info.psid}); numeric or byte fields only. */
    RegField field(String path) {
        return resolve(layout, path, path, 0);
    }

    /**
     * A field of {@code wordLayout}, a catalog layout of its own, inside the word at {@code word}: for words the
     * catalog keeps whole because the DSL reads them as numbers (PMLP's {@code lane0_module_mapping}, as in
     * mlx5_ifc.h) while the PRM gives them fields (mstflint's {@code lane_2_module_mapping}).
     */
    RegField field(String word, String wordLayout, String path) {
        RegField w = field(word);
        Layout inner = Catalog.builtin().findLayout(wordLayout).orElseThrow(() -> new IllegalStateException(
                owner + ": no layout " + wordLayout + " in the built-in catalog"));
        if (inner.sizeBits() != w.width()) {
            throw new IllegalStateException(owner + ": layout " + wordLayout + " has "
                    + inner.sizeBits() + " bits, field " + word + " " + w.width());
        }
        return resolve(inner, path, word + "." + path, w.bitOffset());
    }

    /** Any field, a structure or union included, as the byte range it covers (to clear it). */
    RegField area(String path) {
        Field f = find(layout, path);
        return new RegField(path, f.bitOffset(), f.bitWidth());
    }

    /** The whole layout (to clear a reply). */
    RegField all() {
        return new RegField(owner, 0, layout.sizeBits());
    }

    /** From the start of {@code from}'s dword to the end of {@code to} (a run of fields to clear). */
    RegField span(String from, String to) {
        int start = find(layout, from).bitOffset() & ~31;
        Field t = find(layout, to);
        return new RegField(from + ".." + to, start, t.bitOffset() + t.bitWidth() - start);
    }

    /** From the start of {@code path}'s dword to the end of the layout. */
    RegField from(String path) {
        int start = find(layout, path).bitOffset() & ~31;
        return new RegField(path + "..", start, layout.sizeBits() - start);
    }

    /** From the end of {@code path}'s dword to the end of the layout: everything after an index dword. */
    RegField after(String path) {
        Field f = find(layout, path);
        int start = (f.bitOffset() + f.bitWidth() + 31) & ~31;
        return new RegField("after " + path, start, layout.sizeBits() - start);
    }

    /** The number of elements of the array field at {@code path}. */
    int count(String path) {
        Field f = find(layout, path);
        if (f.kind() != Field.Kind.ARRAY) throw new IllegalStateException(owner + ": field " + path + " is not an array");
        return f.count();
    }

    /** The value of enum name {@code name} of field {@code path} ({@code grp}: {@code physical_layer} = 0x12). */
    int enumValue(String path, String name) {
        Long v = find(layout, path).enumValues().get(name);
        if (v == null) throw new IllegalStateException(owner + ": field " + path + " has no value " + name);
        return v.intValue();
    }

    /**
     * The value fields (arrays expanded: {@code hist[0]}, …) of the member of union {@code union} that its selector
     * value {@code when} selects, in offset order: a counter group of PPCNT's {@code counter_set}.
     */
    List<RegField> selected(String union, String when) {
        Field u = find(layout, union);
        Field member = u.layout() == null ? null : u.layout().namedFields().stream()
                .filter(m -> m.when().contains(when)).findFirst().orElse(null);
        if (member == null) throw new IllegalStateException(owner + ": no member of " + union + " for " + when);
        List<RegField> out = new ArrayList<>();
        String prefix = union + "." + member.name() + ".";
        for (Field f : member.layout().namedFields()) {
            if (f.kind() == Field.Kind.ARRAY) {
                for (int i = 0; i < f.count(); i++) out.add(field(prefix + f.name() + "[" + i + "]"));
            } else {
                out.add(field(prefix + f.name()));
            }
        }
        return out;
    }

    private Field find(Layout layout, String path) {
        try {
            return layout.field(path);
        } catch (WireException e) {
            throw new IllegalStateException(owner + ": " + e.getMessage(), e);
        }
    }

    private RegField resolve(Layout layout, String path, String name, int baseBit) {
        Field f = find(layout, path);
        if (f.kind() != Field.Kind.UINT && f.kind() != Field.Kind.BYTES) {
            throw new IllegalStateException(owner + ": field " + path + " is a "
                    + f.kind().name().toLowerCase() + ", not a value");
        }
        return new RegField(name, baseBit + f.bitOffset(), f.bitWidth());
    }
}
