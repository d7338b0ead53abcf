package fwsh.nv;

/**
 * A parameter as a device has it, under the name mlxconfig shows: {@code SRIOV_EN}; {@code LINK_TYPE_P1} for port 1
 * of a Port item; {@code MODULE_SPLIT_M0} for module 0 of a Module item.
 */
public record NvParam(String name, ParamDef def, NvItem item) {
    @Override
    public String toString() {
        return name;
    }
}
