package fwsh.nv;

import java.util.Locale;

/**
 * The type_class of a configuration item (ADB {@code config_item_ext.type_class}) and how its type_index is laid out
 * (mstflint's {@code reg_access_hca_configuration_item_type_class_*_ext}; the kernel's nv_param.c has the global and
 * per-host-PF ones): Global and File keep a 24-bit parameter index; Port puts the port in [23:16] above a 16-bit index;
 * Host_PF puts host_id in [23:18] and pf_index in [17:10] above a 10-bit index (0 and 0 address the function asking);
 * Host has an 18-bit index; Module puts the module in [23:14] above a 14-bit index.
 */
public enum NvClass {
    GLOBAL(0, "Global", 24),
    PORT(1, "Port", 16),
    BMC(2, "BMC", 24),
    HOST_PF(3, "Host_PF", 10),
    FILE(6, "File", 24),
    HOST(7, "Host", 18),
    MODULE(9, "Module", 14);

    public final int code;
    /** The ADB's enum name. */
    public final String label;
    /** Bits of type_index that hold the parameter index. */
    public final int indexBits;

    NvClass(int code, String label, int indexBits) {
        this.code = code;
        this.label = label;
        this.indexBits = indexBits;
    }

    /** The class with this type_class code, or null for a code no device defines. */
    public static NvClass of(int code) {
        for (NvClass c : values()) if (c.code == code) return c;
        return null;
    }

    public static NvClass parse(String text) {
        for (NvClass c : values()) {
            if (c.label.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) return c;
        }
        throw new NvException("unknown NV item class '" + text + "'; use one of Global, Port, Host_PF, File, Host, Module");
    }

    /**
     * type_index for a parameter index and, by class, the port (1-based), module (0-based); host and PF are 0 (this
     * function). Throws when the index does not fit the class's bits.
     */
    public int typeIndex(int parameterIndex, int port, int module) {
        if (parameterIndex < 0 || parameterIndex >= (1 << indexBits)) {
            throw new NvException(label + " item index 0x" + Integer.toHexString(parameterIndex) + " does not fit in "
                    + indexBits + " bits");
        }
        return switch (this) {
            case PORT -> (port & 0xff) << 16 | parameterIndex;
            case MODULE -> (module & 0x3ff) << 14 | parameterIndex;
            default -> parameterIndex;
        };
    }

    /** The parameter index inside a type_index of this class. */
    public int parameterIndex(int typeIndex) {
        return typeIndex & ((1 << indexBits) - 1);
    }

    /** The port (Port class) or module (Module class) inside a type_index; 0 for the other classes. */
    public int unit(int typeIndex) {
        return switch (this) {
            case PORT -> (typeIndex >>> 16) & 0xff;
            case MODULE -> (typeIndex >>> 14) & 0x3ff;
            case HOST_PF -> (typeIndex >>> 10) & 0x3fff;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT).equals("host_pf") ? "Host_PF" : label;
    }
}
