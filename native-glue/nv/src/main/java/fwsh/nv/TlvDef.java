package fwsh.nv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One configuration item (a row of mstflint's tlvs table): its class and index, data size, whether it is a
 * capability (read-only, describes what the device supports) and its parameters.
 */
public final class TlvDef {
    private final String name;
    private final int id;
    private final NvClass nvClass;
    private final int size;
    private final boolean cap;
    private final String target;
    private final String mlxconfigName;
    private final List<ParamDef> params = new ArrayList<>();

    public TlvDef(String name, int id, NvClass nvClass, int size, boolean cap, String target, String mlxconfigName) {
        if (size <= 0) throw new NvException("item " + name + ": size " + size + " is not positive");
        this.name = name;
        this.id = id;
        this.nvClass = nvClass;
        this.size = size;
        this.cap = cap;
        this.target = target == null ? "NIC" : target;
        this.mlxconfigName = mlxconfigName;
        nvClass.typeIndex(id, 0, 0);
    }

    void add(ParamDef p) {
        if (p.endByte() > size) {
            throw new NvException("parameter " + name + "." + p.name() + " ends at byte " + p.endByte() + ", beyond the item's " + size + " bytes");
        }
        params.add(p);
    }

    public String name() {
        return name;
    }

    /** The parameter index (the tlvs table's id). */
    public int id() {
        return id;
    }

    public NvClass nvClass() {
        return nvClass;
    }

    /** Data bytes (the config item header's length). */
    public int size() {
        return size;
    }

    /** MNVDA carries at most 256 data bytes (the kernel's mnvda_reg): larger items (some File ones) cannot be read this way. */
    public boolean fitsMnvda() {
        return size <= MAX_DATA;
    }

    public static final int MAX_DATA = 256;

    public boolean isCap() {
        return cap;
    }

    public String target() {
        return target;
    }

    public String mlxconfigName() {
        return mlxconfigName;
    }

    public List<ParamDef> params() {
        return Collections.unmodifiableList(params);
    }

    public ParamDef param(String paramName) {
        for (ParamDef p : params) if (p.name().equals(paramName)) return p;
        return null;
    }

    /** Items that exist once per port or module; the others exist once. */
    public boolean perPort() {
        return nvClass == NvClass.PORT;
    }

    public boolean perModule() {
        return nvClass == NvClass.MODULE;
    }

    @Override
    public String toString() {
        return name + " (" + nvClass + " 0x" + Integer.toHexString(id) + ", " + size + " B" + (cap ? ", cap" : "") + ")";
    }
}
