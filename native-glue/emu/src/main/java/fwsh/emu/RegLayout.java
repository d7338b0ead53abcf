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
    final RegisterDef def;

    private RegLayout(RegisterDef def) {
        this.def = def;
    }

    static RegLayout of(String register) {
        RegisterDef d = Catalog.builtin().findRegister(register).orElseThrow(() ->
                new IllegalStateException("emulator register model " + register + ": no such register in the built-in catalog"));
        return new RegLayout(d);
    }

    Layout layout() {
        return def.layout();
    }

    /** The field at a dotted path ({@code fw_info.psid}); numeric or byte fields only. */
    RegField field(String path) {
        return resolve(def.layout(), path, path, 0);
    }

    /**
     * A field of {@code wordLayout}, a catalog layout of its own, inside the word at {@code word}: for words the
     * catalog keeps whole because the DSL reads them as numbers (PMLP's {@code lane0_module_mapping}, as in
     * mlx5_ifc.h) while the PRM gives them fields (mstflint's {@code lane_2_module_mapping}).
     */
    RegField field(String word, String wordLayout, String path) {
        RegField w = field(word);
        Layout inner = Catalog.builtin().findLayout(wordLayout).orElseThrow(() -> new IllegalStateException(
                "emulator register model " + def.name() + ": no layout " + wordLayout + " in the built-in catalog"));
        if (inner.sizeBits() != w.width()) {
            throw new IllegalStateException("emulator register model " + def.name() + ": layout " + wordLayout + " has "
                    + inner.sizeBits() + " bits, field " + word + " " + w.width());
        }
        return resolve(inner, path, word + "." + path, w.bitOffset());
    }

    /** Any field, a structure or union included, as the byte range it covers (to clear it). */
    RegField area(String path) {
        Field f = find(def.layout(), path);
        return new RegField(path, f.bitOffset(), f.bitWidth());
    }

    /** The value of enum name {@code name} of field {@code path} ({@code grp}: {@code physical_layer} = 0x12). */
    int enumValue(String path, String name) {
        Long v = find(def.layout(), path).enumValues().get(name);
        if (v == null) throw new IllegalStateException("emulator register model " + def.name() + ": field " + path + " has no value " + name);
        return v.intValue();
    }

    /**
     * The value fields (arrays expanded: {@code hist[0]}, …) of the member of union {@code union} that its selector
     * value {@code when} selects, in offset order: a counter group of PPCNT's {@code counter_set}.
     */
    List<RegField> selected(String union, String when) {
        Field u = find(def.layout(), union);
        Field member = u.layout() == null ? null : u.layout().namedFields().stream()
                .filter(m -> m.when().contains(when)).findFirst().orElse(null);
        if (member == null) throw new IllegalStateException("emulator register model " + def.name() + ": no member of " + union + " for " + when);
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
            throw new IllegalStateException("emulator register model " + def.name() + ": " + e.getMessage(), e);
        }
    }

    private RegField resolve(Layout layout, String path, String name, int baseBit) {
        Field f = find(layout, path);
        if (f.kind() != Field.Kind.UINT && f.kind() != Field.Kind.BYTES) {
            throw new IllegalStateException("emulator register model " + def.name() + ": field " + path + " is a "
                    + f.kind().name().toLowerCase() + ", not a value");
        }
        return new RegField(name, baseBit + f.bitOffset(), f.bitWidth());
    }
}
