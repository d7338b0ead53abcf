package fwsh.emu;

/**
 * MCIA 0x9014, module EEPROM access. Each port has a module whose identity comes from the profile:
 * SFF-8636 (QSFP/QSFP+/QSFP28, identifier 0x0c/0x0d/0x11) or CMIS (QSFP-DD/OSFP, 0x18/0x19) page
 * 0. The register-level status field reports bad addresses, as the firmware does, rather than a
 * command status. Data dwords start at field dword; up to 48 bytes (ifc) or 128 bytes (ADB size) per access.
 */
final class Mcia extends Register {
    private final int statusOk, statusNotSupported, statusI2cError;
    private final RegField module, i2cAddress, pageNumber, deviceAddress, size, status, dwords;
    private final Hca hca;
    private final byte[] lower = new byte[128];
    private final byte[] upper0 = new byte[128];

    Mcia(Hca hca) {
        this(hca, RegLayout.of("MCIA"));
    }

    private Mcia(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        module = l.field("module");
        i2cAddress = l.field("i2c_device_address");
        pageNumber = l.field("page_number");
        deviceAddress = l.field("device_address");
        size = l.field("size");
        status = l.field("status");
        dwords = l.area("dword");
        statusOk = l.enumValue("status", "success");
        statusNotSupported = l.enumValue("status", "module_not_supported");
        statusI2cError = l.enumValue("status", "i2c_error");
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
        int mod = io.inInt(module);
        int i2c = io.inInt(i2cAddress);
        int page = io.inInt(pageNumber);
        int addr = io.inInt(deviceAddress);
        int n = io.inInt(size);
        if (mod >= hca.ports.length) {
            throw FirmwareError.badParam("MCIA.bad_module", "module " + mod + " does not exist (0.." + (hca.ports.length - 1) + ")");
        }
        int maxData = Math.min(128, io.outDataLen() - dwords.byteOffset());
        io.zeroFrom(dwords);
        int st = statusOk;
        if (i2c != 0x50 && i2c != 0x51) st = statusI2cError;
        else if (n == 0 || n > maxData || addr + n > 256) st = statusNotSupported;
        else if (page != 0 && addr >= 128) st = page <= 3 ? statusOk : statusNotSupported;
        io.set(status, st);
        if (st != statusOk) return;
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            int a = addr + i;
            if (a < 128) data[i] = lower[a];
            else if (page == 0) data[i] = upper0[a - 128];
        }
        io.bytes(dwords, data, 0, n);
    }
}
