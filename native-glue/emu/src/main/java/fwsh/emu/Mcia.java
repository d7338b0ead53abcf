package fwsh.emu;

/**
 * MCIA 0x9014, module EEPROM access. Each port has a module whose identity comes from the profile:
 * SFF-8636 (QSFP/QSFP+/QSFP28, identifier 0x0c/0x0d/0x11) or CMIS (QSFP-DD/OSFP, 0x18/0x19) page
 * 0. Register-level status (0x00[7:0]) reports bad addresses, as the firmware does, rather than a
 * command status. Data dwords start at 0x10; up to 48 bytes (ifc) or 128 bytes (ADB size) per access.
 */
final class Mcia extends Register {
    static final int ID = 0x9014;
    static final int STATUS_OK = 0;
    static final int STATUS_NOT_SUPPORTED = 2;
    static final int STATUS_I2C_ERROR = 9;

    private final Hca hca;
    private final byte[] lower = new byte[128];
    private final byte[] upper0 = new byte[128];

    Mcia(Hca hca) {
        super(ID, "MCIA", 0x40);
        this.hca = hca;
        build(hca.profile);
    }

    private void build(Profile p) {
        int id = p.integer("module.identifier", 0x11);
        lower[0] = (byte) id;
        upper0[0] = (byte) id;
        boolean cmis = id == 0x18 || id == 0x19 || id == 0x1e;
        long oui = p.num("module.oui", 0x0002c9);
        if (cmis) {
            lower[1] = 0x50;                                          // CMIS revision 5.0
            lower[3] = 0x06;                                          // module state ready
            Prm.asciiSpace(upper0, 1, 16, p.str("module.vendor", "NVIDIA"));
            upper0[17] = (byte) (oui >>> 16);
            upper0[18] = (byte) (oui >>> 8);
            upper0[19] = (byte) oui;
            Prm.asciiSpace(upper0, 20, 16, p.str("module.pn", ""));
            Prm.asciiSpace(upper0, 36, 2, p.str("module.rev", ""));
            Prm.asciiSpace(upper0, 38, 16, p.str("module.sn", ""));
            Prm.asciiSpace(upper0, 54, 8, p.str("module.date", "") + "  ");
            upper0[74] = (byte) p.integer("module.lengthMeters", 1);
        } else {
            lower[1] = 0x08;                                          // SFF-8636 rev 2.8
            lower[2] = 0x00;                                          // data ready
            upper0[2] = 0x23;                                         // connector: no separable connector
            Prm.asciiSpace(upper0, 20, 16, p.str("module.vendor", "NVIDIA"));
            upper0[37] = (byte) (oui >>> 16);
            upper0[38] = (byte) (oui >>> 8);
            upper0[39] = (byte) oui;
            Prm.asciiSpace(upper0, 40, 16, p.str("module.pn", ""));
            Prm.asciiSpace(upper0, 56, 2, p.str("module.rev", ""));
            Prm.asciiSpace(upper0, 68, 16, p.str("module.sn", ""));
            Prm.asciiSpace(upper0, 84, 8, p.str("module.date", "") + "  ");
            upper0[18] = (byte) p.integer("module.lengthMeters", 1);  // length (copper, m)
        }
    }

    @Override
    void read(RegIo io) {
        int module = io.inInt(0x00, 23, 16);
        int i2c = io.inInt(0x04, 31, 24);
        int page = io.inInt(0x04, 23, 16);
        int addr = io.inInt(0x04, 15, 0);
        int size = io.inInt(0x08, 15, 0);
        if (module >= hca.ports.length) {
            throw FirmwareError.badParam("MCIA.bad_module", "module " + module + " does not exist (0.." + (hca.ports.length - 1) + ")");
        }
        int maxData = Math.min(128, io.outDataLen() - 0x10);
        io.zero(0x10, io.outDataLen() - 0x10);
        int status = STATUS_OK;
        if (i2c != 0x50 && i2c != 0x51) status = STATUS_I2C_ERROR;
        else if (size == 0 || size > maxData || addr + size > 256) status = STATUS_NOT_SUPPORTED;
        else if (page != 0 && addr >= 128) status = page <= 3 ? STATUS_OK : STATUS_NOT_SUPPORTED;
        io.set(0x00, 7, 0, status);
        if (status != STATUS_OK) return;
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            int a = addr + i;
            if (a < 128) data[i] = lower[a];
            else if (page == 0) data[i] = upper0[a - 128];
        }
        io.bytes(0x10, data, 0, size);
    }
}
