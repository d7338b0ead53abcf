package fwsh.emu;

/** MGIR 0x9020, Management General Information (MSTF adb mgir_ext, 0xA0 bytes): identity, firmware version, uptime. */
final class Mgir extends Register {
    static final int ID = 0x9020;
    static final int HW_DEVICE_ID = 0x00;          // [15:0], device_hw_revision [31:16]
    static final int HW_NUM_PORTS = 0x04;          // [27:16]
    static final int HW_DEV_ID = 0x08;             // [15:0]
    static final int HW_BASE_MAC_HI = 0x10;        // [15:0]
    static final int HW_BASE_MAC_LO = 0x14;
    static final int HW_UPTIME = 0x1c;
    static final int FW_VERSION = 0x20;            // major [23:16], minor [15:8], sub_minor [7:0]
    static final int FW_BUILD_ID = 0x24;
    static final int FW_DATE = 0x28;               // month [31:24], day [23:16], year [15:0], BCD
    static final int FW_HOUR = 0x2c;               // [15:0] e.g. 0x1743
    static final int FW_PSID = 0x30;               // 16 B ASCII
    static final int FW_INI_FILE_VERSION = 0x40;
    static final int FW_EXTENDED_MAJOR = 0x44;
    static final int FW_EXTENDED_MINOR = 0x48;
    static final int FW_EXTENDED_SUB_MINOR = 0x4c;
    static final int DEV_BRANCH_TAG = 0x80;        // 28 B ASCII

    private final Hca hca;

    Mgir(Hca hca) {
        super(ID, "MGIR", 0xa0);
        this.hca = hca;
    }

    @Override
    void read(RegIo io) {
        Profile p = hca.profile;
        io.zero(0, 0xa0);
        io.set(HW_DEVICE_ID, 15, 0, p.num("pci.deviceId"));
        io.set(HW_DEVICE_ID, 31, 16, p.num("hwRevision", 0));
        io.set(HW_NUM_PORTS, 27, 16, hca.ports.length);
        io.set(HW_DEV_ID, 15, 0, p.num("hwId"));
        long mac = p.num("baseMac", 0);
        io.set(HW_BASE_MAC_HI, 15, 0, mac >>> 32);
        io.u32(HW_BASE_MAC_LO, mac);
        io.u32(HW_UPTIME, hca.uptimeSeconds());
        int[] v = p.fwVersion();
        io.set(FW_VERSION, 23, 16, v[0] & 0xff);
        io.set(FW_VERSION, 15, 8, v[1] & 0xff);
        io.set(FW_VERSION, 7, 0, v[2] & 0xff);
        io.u32(FW_BUILD_ID, p.num("fw.buildId", 0));
        String[] date = p.str("fw.date", "2024-01-01").split("-");
        io.set(FW_DATE, 31, 24, bcd(Integer.parseInt(date[1])));
        io.set(FW_DATE, 23, 16, bcd(Integer.parseInt(date[2])));
        io.set(FW_DATE, 15, 0, bcd(Integer.parseInt(date[0])));
        io.set(FW_HOUR, 15, 0, p.num("fw.time", 0x1200));
        io.ascii(FW_PSID, 16, p.str("psid"));
        io.u32(FW_EXTENDED_MAJOR, v[0]);
        io.u32(FW_EXTENDED_MINOR, v[1]);
        io.u32(FW_EXTENDED_SUB_MINOR, v[2]);
        io.ascii(DEV_BRANCH_TAG, 28, "rel-" + p.str("fw.version").replace('.', '_'));
    }

    private static long bcd(int n) {
        return Long.parseLong(Integer.toString(n), 16);
    }
}
