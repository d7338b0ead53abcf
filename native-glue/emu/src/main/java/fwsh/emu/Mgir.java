package fwsh.emu;

/** MGIR 0x9020, Management General Information (layout mgir_reg): identity, firmware version, uptime. */
final class Mgir extends Register {
    private final Hca hca;
    private final RegField deviceId, hwRevision, numPorts, hwDevId, macHi, macLo, uptime;
    private final RegField major, minor, subMinor, buildId, month, day, year, hour, psid;
    private final RegField extMajor, extMinor, extSubMinor, branchTag, all;

    Mgir(Hca hca) {
        this(hca, RegLayout.of("MGIR"));
    }

    private Mgir(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        all = l.all();
        deviceId = l.field("hw_info.device_id");
        hwRevision = l.field("hw_info.device_hw_revision");
        numPorts = l.field("hw_info.num_ports");
        hwDevId = l.field("hw_info.hw_dev_id");
        macHi = l.field("hw_info.manufacturing_base_mac_47_32");
        macLo = l.field("hw_info.manufacturing_base_mac_31_0");
        uptime = l.field("hw_info.uptime");
        major = l.field("fw_info.major");
        minor = l.field("fw_info.minor");
        subMinor = l.field("fw_info.sub_minor");
        buildId = l.field("fw_info.build_id");
        month = l.field("fw_info.month");
        day = l.field("fw_info.day");
        year = l.field("fw_info.year");
        hour = l.field("fw_info.hour");
        psid = l.field("fw_info.psid");
        extMajor = l.field("fw_info.extended_major");
        extMinor = l.field("fw_info.extended_minor");
        extSubMinor = l.field("fw_info.extended_sub_minor");
        branchTag = l.field("dev_branch_tag");
    }

    @Override
    void read(RegIo io) {
        Profile p = hca.profile;
        io.zero(all);
        io.set(deviceId, p.num("pci.deviceId"));
        io.set(hwRevision, p.num("hwRevision", 0));
        io.set(numPorts, hca.ports.length);
        io.set(hwDevId, p.num("hwId"));
        long mac = p.num("baseMac", 0);
        io.set(macHi, mac >>> 32);
        io.set(macLo, mac);
        io.set(uptime, hca.uptimeSeconds());
        int[] v = p.fwVersion();
        io.set(major, v[0] & 0xff);
        io.set(minor, v[1] & 0xff);
        io.set(subMinor, v[2] & 0xff);
        io.set(buildId, p.num("fw.buildId", 0));
        String[] date = p.str("fw.date", "2024-01-01").split("-");
        io.set(month, bcd(Integer.parseInt(date[1])));
        io.set(day, bcd(Integer.parseInt(date[2])));
        io.set(year, bcd(Integer.parseInt(date[0])));
        io.set(hour, p.num("fw.time", 0x1200));
        io.ascii(psid, p.str("psid"));
        io.set(extMajor, v[0]);
        io.set(extMinor, v[1]);
        io.set(extSubMinor, v[2]);
        io.ascii(branchTag, "rel-" + p.str("fw.version").replace('.', '_'));
    }

    private static long bcd(int n) {
        return Long.parseLong(Integer.toString(n), 16);
    }
}
