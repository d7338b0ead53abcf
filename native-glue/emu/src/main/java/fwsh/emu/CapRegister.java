package fwsh.emu;

import java.util.Collection;

/**
 * MCAM 0x907f and PCAM 0x507f: which registers of their block (0x9000.. / 0x5000..) the firmware
 * supports. Group 0, bit i of the 128-bit mask (counted from the LSB of its last byte) = register
 * base+i. The mask is what the emulator models, so a register it answers is advertised and one it
 * does not is not.
 */
final class CapRegister extends Register {
    private final RegField group;
    private final RegField mask, rest;
    private final byte[] bits = new byte[16];

    /** @param implemented ids of every register the firmware answers (this one included or not) */
    CapRegister(String register, String maskField, Collection<Integer> implemented) {
        this(RegLayout.of(register), maskField, implemented);
    }

    private CapRegister(RegLayout l, String maskField, Collection<Integer> implemented) {
        super(l);
        group = l.field("access_reg_group");
        mask = l.field(maskField);
        rest = l.from(maskField);
        int base = id & ~0x7f;
        for (int r : implemented) if (r - base >= 0 && r - base < 128) mark(r - base);
        mark(id - base);
    }

    private void mark(int n) {
        bits[15 - n / 8] |= (byte) (1 << (n % 8));
    }

    @Override
    void read(RegIo io) {
        int g = io.inInt(group);
        if (g != 0) throw FirmwareError.badParam(name + ".unknown_group", "access_reg_group " + g + " is not modelled (0 is)");
        io.zero(rest);
        io.bytes(mask, bits, 0, bits.length);
    }
}
