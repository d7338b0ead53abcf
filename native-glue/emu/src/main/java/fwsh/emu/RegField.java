package fwsh.emu;

import fwsh.wire.Bits;

/**
 * A register field's position, resolved once from the catalog layout ({@link RegLayout#field}) so a
 * model reads and writes by name without per-RPC lookups. Offsets are bits, MSB first, relative to
 * the register data.
 */
record RegField(String name, int bitOffset, int width) {
    /** Writes the field into a structure that starts at {@code base} of {@code buf} (not a mailbox: a trace block). */
    void set(byte[] buf, int base, long v) {
        Bits.set(buf, base, bitOffset, width, v);
    }

    int byteOffset() {
        return bitOffset >>> 3;
    }

    int bytes() {
        return width >>> 3;
    }

    /** ASCII, NUL padded to the field's size, into a structure at {@code base} of {@code buf}. */
    void ascii(byte[] buf, int base, String s) {
        Prm.ascii(buf, base + byteOffset(), bytes(), s);
    }

    /** The byte just past the field (to clear a reply up to it). */
    int end() {
        return (bitOffset + width + 7) >>> 3;
    }
}
