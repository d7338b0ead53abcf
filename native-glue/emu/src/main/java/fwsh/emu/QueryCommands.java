package fwsh.emu;

/**
 * QUERY_HCA_CAP, QUERY_ADAPTER, QUERY_ISSI/SET_ISSI, QUERY_VPORT_COUNTER and QUERY_CONG_STATISTICS.
 * Output layouts from mlx5_ifc.h (query_*_out_bits); offsets are from the start of the mailbox.
 */
final class QueryCommands {
    // query_vport_counter_out: traffic_counter {packets 64, octets 64} pairs from byte 0x10
    static final int VPORT_RECEIVED_ERRORS = 0x10;
    static final int VPORT_TRANSMIT_ERRORS = 0x20;
    static final int VPORT_RECEIVED_IB_UNICAST = 0x30;
    static final int VPORT_RECEIVED_ETH_BROADCAST = 0x70;
    static final int VPORT_TRANSMITTED_ETH_BROADCAST = 0x80;
    static final int VPORT_RECEIVED_ETH_UNICAST = 0x90;
    static final int VPORT_TRANSMITTED_ETH_UNICAST = 0xa0;
    static final int VPORT_RECEIVED_ETH_MULTICAST = 0xb0;
    static final int VPORT_TRANSMITTED_ETH_MULTICAST = 0xc0;
    static final int VPORT_LOCAL_LOOPBACK = 0xd0;
    static final int VPORT_OUT_BYTES = 0x210;
    // query_cong_statistics_out
    static final int CONG_RP_CUR_FLOWS = 0x10;
    static final int CONG_SUM_FLOWS = 0x14;
    static final int CONG_RP_CNP_IGNORED = 0x18;
    static final int CONG_RP_CNP_HANDLED = 0x20;
    static final int CONG_TIME_STAMP = 0x48;
    static final int CONG_ACCUMULATORS_PERIOD = 0x50;
    static final int CONG_NP_ECN_MARKED_ROCE = 0x54;
    static final int CONG_NP_CNP_SENT = 0x5c;
    static final int CONG_OUT_BYTES = 0x110;

    private final Hca hca;
    private volatile int currentIssi;
    private final Object congLock = new Object();
    private long[] congBaseline = new long[3];

    QueryCommands(Hca hca) {
        this.hca = hca;
    }

    void queryHcaCap(Cmd c) {
        c.needIn(16);
        c.needOut(16 + Caps.CAP_BYTES);
        if (c.inField(0x08, 31, 31) != 0) {
            throw FirmwareError.badParam("QUERY_HCA_CAP.other_function", "other_function queries are not modelled (no VFs)");
        }
        int type = c.opMod >> 1;
        boolean cur = (c.opMod & 1) == 1;
        byte[] page = switch (type) {
            case Caps.GENERAL -> cur ? hca.caps.generalCur : hca.caps.generalMax;
            case Caps.DEBUG -> cur ? hca.caps.debugCur : hca.caps.debugMax;
            default -> throw FirmwareError.badParam("QUERY_HCA_CAP.unknown_cap_type",
                    "capability type 0x" + Integer.toHexString(type) + " is not modelled (GENERAL 0x0 and DEBUG 0xd are)");
        };
        System.arraycopy(page, 0, c.out, 16, Caps.CAP_BYTES);
    }

    void queryAdapter(Cmd c) {
        c.needIn(16);
        c.needOut(16 + 0x100);
        int b = 16;
        Prm.set(c.out, b, 0x18, 23, 0, 0x0002c9);                          // ieee_vendor_id
        Prm.set(c.out, b, 0x1c, 15, 0, hca.profile.num("pci.vendorId", 0x15b3)); // vsd_vendor_id
        Prm.ascii(c.out, b + 0x20, 208, hca.profile.str("vsd", ""));
        Prm.ascii(c.out, b + 0xf0, 16, hca.profile.str("psid"));           // vsd_contd_psid
    }

    void queryIssi(Cmd c) {
        c.needIn(16);
        c.needOut(0x70);
        c.outField(0x08, 15, 0, currentIssi);
        Prm.u32(c.out, 0x6c, 0x3); // ISSI 0 and 1 supported
    }

    void setIssi(Cmd c) {
        c.needIn(16);
        c.needOut(16);
        int issi = (int) c.inField(0x08, 15, 0);
        if (issi > 1) throw FirmwareError.badParam("SET_ISSI.unsupported_issi", "ISSI " + issi + " is not supported (0 and 1 are)");
        currentIssi = issi;
    }

    void queryVportCounter(Cmd c) {
        c.needIn(0x1c);
        c.needOut(VPORT_LOCAL_LOOPBACK);
        boolean other = c.inField(0x08, 31, 31) != 0;
        int portNum = (int) c.inField(0x08, 19, 16);
        int vport = (int) c.inField(0x08, 15, 0);
        boolean clear = c.inField(0x18, 31, 31) != 0;
        if (other && vport != 0) {
            throw FirmwareError.badParam("QUERY_VPORT_COUNTER.bad_vport", "vport " + vport + " does not exist (no VFs are modelled)");
        }
        Port port = hca.port(portNum == 0 ? 1 : portNum, "QUERY_VPORT_COUNTER");
        long[] v = port.sample(port.vportBaselines(), 0, t -> vportRaw(t), clear);
        int[] offs = VPORT_OFFSETS;
        for (int i = 0; i < offs.length; i++) Prm.u64(c.out, offs[i], v[i]);
    }

    private static final int[] VPORT_OFFSETS = {VPORT_RECEIVED_ERRORS, VPORT_RECEIVED_ERRORS + 8, VPORT_TRANSMIT_ERRORS, VPORT_TRANSMIT_ERRORS + 8,
            VPORT_RECEIVED_ETH_BROADCAST, VPORT_RECEIVED_ETH_BROADCAST + 8, VPORT_TRANSMITTED_ETH_BROADCAST, VPORT_TRANSMITTED_ETH_BROADCAST + 8,
            VPORT_RECEIVED_ETH_UNICAST, VPORT_RECEIVED_ETH_UNICAST + 8, VPORT_TRANSMITTED_ETH_UNICAST, VPORT_TRANSMITTED_ETH_UNICAST + 8,
            VPORT_RECEIVED_ETH_MULTICAST, VPORT_RECEIVED_ETH_MULTICAST + 8, VPORT_TRANSMITTED_ETH_MULTICAST, VPORT_TRANSMITTED_ETH_MULTICAST + 8};

    /** Raw vport counters in VPORT_OFFSETS order: {packets, octets} per traffic class. */
    private static long[] vportRaw(TrafficModel.Totals t) {
        int rx = TrafficModel.RX;
        int tx = TrafficModel.TX;
        return new long[]{
                t.fcsErrors, 0, 0, 0,
                t.broadcast[rx], share(t, rx, t.broadcast[rx]), t.broadcast[tx], share(t, tx, t.broadcast[tx]),
                t.unicast[rx], share(t, rx, t.unicast[rx]), t.unicast[tx], share(t, tx, t.unicast[tx]),
                t.multicast[rx], share(t, rx, t.multicast[rx]), t.multicast[tx], share(t, tx, t.multicast[tx]),
        };
    }

    /** Octets belonging to {@code frames} of the direction's total, in proportion. */
    private static long share(TrafficModel.Totals t, int dir, long frames) {
        if (t.totalFrames[dir] == 0) return 0;
        return (long) Math.floor((double) t.totalOctets[dir] * frames / t.totalFrames[dir]);
    }

    void queryCongStatistics(Cmd c) {
        c.needIn(16);
        c.needOut(CONG_NP_CNP_SENT + 8);
        boolean clear = c.inField(0x08, 31, 31) != 0;
        double seconds = (hca.clock.nanos() - hca.startNanos) / 1e9;
        long handled = (long) Math.floor(seconds * hca.profile.dbl("traffic.cnpPerSecond", 50));
        long ecn = 0;
        for (Port p : hca.ports) ecn += p.totals().totalEcn;
        long[] raw = {handled, ecn, handled};
        long[] v = new long[3];
        synchronized (congLock) {
            for (int i = 0; i < 3; i++) v[i] = raw[i] - congBaseline[i];
            if (clear) congBaseline = raw;
        }
        Prm.u32(c.out, CONG_RP_CUR_FLOWS, handled > 0 ? 4 : 0);
        Prm.u32(c.out, CONG_SUM_FLOWS, handled > 0 ? 4 : 0);
        Prm.u64(c.out, CONG_RP_CNP_IGNORED, 0);
        Prm.u64(c.out, CONG_RP_CNP_HANDLED, v[0]);
        Prm.u64(c.out, CONG_TIME_STAMP, hca.deviceTicksNow());
        Prm.u32(c.out, CONG_ACCUMULATORS_PERIOD, 1);
        Prm.u64(c.out, CONG_NP_ECN_MARKED_ROCE, v[1]);
        Prm.u64(c.out, CONG_NP_CNP_SENT, v[2]);
    }
}
