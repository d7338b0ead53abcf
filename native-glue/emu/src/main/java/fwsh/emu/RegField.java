package fwsh.emu;

/**
 * A register field's position, resolved once from the catalog layout ({@link RegLayout#field}) so a
 * model reads and writes by name without per-RPC lookups. Offsets are bits, MSB first, relative to
 * the register data.
 */
record RegField(String name, int bitOffset, int width) {
    int byteOffset() {
        return bitOffset >>> 3;
    }

    int bytes() {
        return width >>> 3;
    }
}
