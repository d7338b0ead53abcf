package fwsh.wire;

/** An access register: its PRM name, register id (ACCESS_REG register_id) and layout. */
public record RegisterDef(String name, int id, Layout layout, String description) {
    @Override
    public String toString() {
        return String.format("%s (0x%04x) %d bytes", name, id, layout.sizeBytes());
    }
}
