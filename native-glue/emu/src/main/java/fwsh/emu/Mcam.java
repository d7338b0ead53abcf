package fwsh.emu;

/**
 * MCAM 0x907f: which management registers the firmware supports. Group 0, bit XX (counted from the
 * LSB of the 128-bit mng_access_reg_cap_mask at 0x08) = register 0x90XX. The tracer registers
 * 0x9040..0x9043 are bits 64..67 (tracer_registers).
 */
final class Mcam extends Register {
    static final int ID = 0x907f;
    static final int[] ADVERTISED = {0x9009, 0x900a, 0x9014, 0x9020, 0x9024, 0x9025, 0x9030, 0x9033, 0x9034, 0x9035, 0x9040, 0x9041, 0x9042, 0x9043, 0x9050, 0x9051, 0x907f};

    Mcam() {
        super(ID, "MCAM", 0x48);
    }

    @Override
    void read(RegIo io) {
        int group = io.inInt(0x00, 7, 0);
        if (group != 0) throw FirmwareError.badParam("MCAM.unknown_group", "access_reg_group " + group + " is not modelled (0 is)");
        io.zero(0x08, 0x40);
        CapMask.set(io, 0x08, ADVERTISED, 0x9000);
    }
}
