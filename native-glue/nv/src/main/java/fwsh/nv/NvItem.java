package fwsh.nv;

/**
 * One addressable configuration item on a device: an item definition and, for Port and Module items, which port
 * (1-based) or module (0-based). Its {@link #typeClass()} and {@link #typeIndex()} go into the config item header.
 */
public record NvItem(TlvDef def, int port, int module) {
    public static NvItem of(TlvDef def) {
        return new NvItem(def, 0, 0);
    }

    public int typeClass() {
        return def.nvClass().code;
    }

    public int typeIndex() {
        return def.nvClass().typeIndex(def.id(), port, module);
    }

    /** nv_vpi_link_type (port 1), nv_global_pci_conf. */
    public String label() {
        if (def.perPort()) return def.name() + " (port " + port + ")";
        if (def.perModule()) return def.name() + " (module " + module + ")";
        return def.name();
    }

    @Override
    public String toString() {
        return label();
    }
}
