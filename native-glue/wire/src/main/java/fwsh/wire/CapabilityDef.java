package fwsh.wire;

/** An HCA capability type for QUERY_HCA_CAP: op_mod = (type << 1) | (current ? 1 : 0). */
public record CapabilityDef(String name, int type, Layout layout, String description) {
    public int opModCurrent() {
        return (type << 1) | 1;
    }

    public int opModMax() {
        return type << 1;
    }
}
