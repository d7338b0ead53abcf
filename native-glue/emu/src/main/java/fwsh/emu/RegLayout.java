package fwsh.emu;

import fwsh.wire.Catalog;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.RegisterDef;
import fwsh.wire.WireException;

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
        Field f;
        try {
            f = def.layout().field(path);
        } catch (WireException e) {
            throw new IllegalStateException("emulator register model " + def.name() + ": " + e.getMessage(), e);
        }
        if (f.kind() != Field.Kind.UINT && f.kind() != Field.Kind.BYTES) {
            throw new IllegalStateException("emulator register model " + def.name() + ": field " + path + " is a "
                    + f.kind().name().toLowerCase() + ", not a value");
        }
        return new RegField(path, f.bitOffset(), f.bitWidth());
    }
}
