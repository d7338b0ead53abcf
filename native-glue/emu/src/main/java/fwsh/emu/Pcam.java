package fwsh.emu;

/** PCAM 0x507f: port registers supported. Group 0, bit XX of the 128-bit mask at 0x08 = register 0x50XX. */
final class Pcam extends Register {
    static final int ID = 0x507f;
    static final int[] ADVERTISED = {0x5002, 0x5003, 0x5004, 0x5006, 0x5008, 0x5031, 0x503e, 0x507f};

    Pcam() {
        super(ID, "PCAM", 0x50);
    }

    @Override
    void read(RegIo io) {
        int group = io.inInt(0x00, 7, 0);
        if (group != 0) throw FirmwareError.badParam("PCAM.unknown_group", "access_reg_group " + group + " is not modelled (0 is)");
        io.zero(0x08, 0x48);
        CapMask.set(io, 0x08, ADVERTISED, 0x5000);
    }
}
