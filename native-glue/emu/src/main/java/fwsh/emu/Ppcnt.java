package fwsh.emu;

import java.util.Map;

/**
 * PPCNT 0x5008, port performance counters. Each group is a list of (offset inside counter_set,
 * width) and the values come from the port's {@link TrafficModel}; {@code clr} makes the current
 * values the new zero for that group (and priority/TC), grp 63 with clr on a write clears all.
 * An Ethernet port answers the Ethernet and physical-layer groups; an InfiniBand port answers the
 * physical-layer groups (the PHY is the same) and the IB groups 0x20/0x21 ({@link IbPortCounters}).
 */
final class Ppcnt extends Register {
    static final int ID = 0x5008;
    static final int COUNTER_SET = 0x08;
    static final int COUNTER_SET_BYTES = 248;
    static final int GRP_ALL = 63;

    static final int IEEE_802_3 = 0x00;
    static final int RFC_2863 = 0x01;
    static final int RFC_2819 = 0x02;
    static final int RFC_3635 = 0x03;
    static final int ETH_EXTENDED = 0x05;
    static final int ETH_DISCARD = 0x06;
    static final int PER_PRIORITY = 0x10;
    static final int PER_TC = 0x11;
    static final int PHYSICAL_LAYER = 0x12;
    static final int PER_TC_CONGESTION = 0x13;
    static final int PHYSICAL_STATISTICAL = 0x16;
    static final int PHYSICAL_RECOVERY = 0x1a;
    static final int RS_FEC_HISTOGRAM = 0x23;

    /** Offsets (bytes inside counter_set) of each group's counters; all 64-bit unless listed in U32. */
    static final Map<Integer, int[]> LAYOUT = Map.ofEntries(
            Map.entry(IEEE_802_3, seq(0x00, 19)),
            Map.entry(RFC_2863, seq(0x00, 13)),
            Map.entry(RFC_2819, seq(0x00, 21)),
            Map.entry(RFC_3635, seq(0x00, 16)),
            Map.entry(ETH_EXTENDED, new int[]{0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38,
                    0x50, 0x58, 0x60, 0x68, 0x70, 0x78, 0x80, 0x88, 0x90, 0x98, 0xa0, 0xa8}),
            Map.entry(ETH_DISCARD, new int[]{0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38, 0x40, 0x48, 0x50,
                    0x60, 0x68, 0x70, 0x78, 0x80}),
            Map.entry(PER_PRIORITY, new int[]{0x00, 0x20, 0x28, 0x48, 0x50, 0x58, 0x60, 0x68, 0x70, 0x78, 0x80, 0x88}),
            Map.entry(PER_TC, new int[]{0x00, 0x08}),
            Map.entry(PER_TC_CONGESTION, new int[]{0x00, 0x08}),
            Map.entry(PHYSICAL_LAYER, seqPlus(seq(0x00, 24), 0xc0, 0xc4)),
            Map.entry(PHYSICAL_STATISTICAL, seq(0x00, 8)),
            Map.entry(PHYSICAL_RECOVERY, new int[]{0x00}),
            Map.entry(RS_FEC_HISTOGRAM, seq(0x00, 16)));

    /** The MAC-level Ethernet groups, refused on an InfiniBand port. */
    static final java.util.Set<Integer> ETHERNET = java.util.Set.of(IEEE_802_3, RFC_2863, RFC_2819, RFC_3635, ETH_EXTENDED,
            ETH_DISCARD, PER_PRIORITY, PER_TC, PER_TC_CONGESTION);
    static final java.util.Set<Integer> INFINIBAND = java.util.Set.of(IbPortCounters.IB_PORT, IbPortCounters.IB_EXTENDED);

    private final Hca hca;

    Ppcnt(Hca hca) {
        super(ID, "PPCNT", 0x100);
        this.hca = hca;
    }

    private static int[] seq(int from, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = from + 8 * i;
        return a;
    }

    private static int[] seqPlus(int[] a, int... more) {
        int[] r = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }

    static boolean isU32(int grp, int off) {
        return (grp == PHYSICAL_LAYER && off >= 0xc0) || grp == PHYSICAL_RECOVERY;
    }

    static boolean perPrio(int grp) {
        return grp == PER_PRIORITY || grp == PER_TC || grp == PER_TC_CONGESTION;
    }

    @Override
    void read(RegIo io) {
        access(io, false);
    }

    @Override
    void write(RegIo io) {
        access(io, true);
    }

    private void access(RegIo io, boolean write) {
        Port port = hca.port(io.inInt(0x00, 23, 16), name);
        int grp = io.inInt(0x00, 5, 0);
        boolean clr = io.in(0x04, 31, 31) != 0;
        int prio = io.inInt(0x04, 4, 0);
        io.zero(COUNTER_SET, COUNTER_SET_BYTES);
        if (grp == GRP_ALL) {
            if (!write || !clr) {
                throw FirmwareError.badParam("PPCNT.grp_all_needs_set_clr", "grp 63 (all groups) is valid only on a write with clr=1");
            }
            synchronized (port) {
                TrafficModel.Totals t = port.totals();
                for (int g : LAYOUT.keySet()) {
                    if (port.ib && ETHERNET.contains(g)) continue;
                    for (int pr = 0; pr < (perPrio(g) ? 8 : 1); pr++) port.sinceClear(port.ppcntBaselines(), g * 32 + pr, raw(g, pr, t, port), true);
                }
                if (port.ib) {
                    for (int g : INFINIBAND) port.sinceClear(port.ppcntBaselines(), g * 32, IbPortCounters.raw(g, t, port), true);
                }
            }
            return;
        }
        if (port.ib && ETHERNET.contains(grp)) {
            throw FirmwareError.badParam("PPCNT.ethernet_group_on_ib_port", "counter group 0x" + Integer.toHexString(grp)
                    + " is an Ethernet group; port " + port.number + " is an InfiniBand port (groups 0x20, 0x21 and the physical-layer groups)");
        }
        if (port.ib && INFINIBAND.contains(grp)) {
            long[] v = port.sample(port.ppcntBaselines(), grp * 32, t -> IbPortCounters.raw(grp, t, port), clr);
            IbPortCounters.write(io, COUNTER_SET, grp, v);
            return;
        }
        int[] offs = LAYOUT.get(grp);
        if (offs == null) {
            throw FirmwareError.badParam("PPCNT.unsupported_group", "counter group 0x" + Integer.toHexString(grp) + " is not supported on " + (port.ib ? "an InfiniBand port" : "an Ethernet port"));
        }
        if (grp == RS_FEC_HISTOGRAM && Pphcr.histType(hca.profile) == Pphcr.HIST_NONE) {
            throw FirmwareError.badParam("PPCNT.no_fec_histogram", "the active FEC of port " + port.number + " has no RS-FEC histogram (see PPHCR)");
        }
        if (perPrio(grp) && prio > 7) {
            throw FirmwareError.badParam("PPCNT.bad_prio_tc", "prio_tc " + prio + " must be 0..7");
        }
        int key = grp * 32 + (perPrio(grp) ? prio : 0);
        long[] v = port.sample(port.ppcntBaselines(), key, t -> raw(grp, prio, t, port), clr);
        for (int i = 0; i < offs.length; i++) {
            if (isU32(grp, offs[i])) io.u32(COUNTER_SET + offs[i], v[i]);
            else io.u64(COUNTER_SET + offs[i], v[i]);
        }
    }

    /** Raw (never cleared) values of a group, in LAYOUT order. */
    long[] raw(int grp, int prio, TrafficModel.Totals t, Port port) {
        final int rx = TrafficModel.RX;
        final int tx = TrafficModel.TX;
        long uptimeMs = (hca.clock.nanos() - hca.startNanos) / 1_000_000;
        return switch (grp) {
            case IEEE_802_3 -> new long[]{
                    t.totalFrames[tx], t.totalFrames[rx], t.fcsErrors, 0, t.totalOctets[tx], t.totalOctets[rx],
                    t.multicast[tx], t.broadcast[tx], t.multicast[rx], t.broadcast[rx], 0, 0, 0, t.symbolErrors,
                    0, 0, 0, 0, 0};
            case RFC_2863 -> new long[]{
                    t.totalOctets[rx], t.unicast[rx], t.totalDiscards, t.fcsErrors, 0, t.totalOctets[tx], t.unicast[tx],
                    0, 0, t.multicast[rx], t.broadcast[rx], t.multicast[tx], t.broadcast[tx]};
            case RFC_2819 -> {
                long[] a = new long[21];
                a[0] = t.totalDiscards;
                a[1] = t.totalOctets[rx];
                a[2] = t.totalFrames[rx];
                a[3] = t.broadcast[rx];
                a[4] = t.multicast[rx];
                a[5] = t.fcsErrors;
                System.arraycopy(t.buckets[rx], 0, a, 11, 10);
                yield a;
            }
            case RFC_3635 -> {
                long[] a = new long[16];
                a[1] = t.fcsErrors;
                a[12] = t.symbolErrors;
                yield a;
            }
            case ETH_EXTENDED -> {
                long[] a = new long[20];
                a[1] = t.totalEcn;
                System.arraycopy(t.buckets[tx], 0, a, 8, 10);
                yield a;
            }
            case ETH_DISCARD -> {
                long[] a = new long[16];
                a[0] = t.totalDiscards;
                yield a;
            }
            case PER_PRIORITY -> new long[]{
                    t.octets[rx][prio], t.frames[rx][prio], t.octets[tx][prio], t.frames[tx][prio],
                    0, 0, 0, 0, 0, t.discards[prio], 0, 0};
            case PER_TC -> new long[]{0, t.discards[prio]};
            case PER_TC_CONGESTION -> new long[]{0, t.ecnMarked[prio]};
            case PHYSICAL_LAYER -> {
                long[] a = new long[26];
                a[0] = uptimeMs;
                a[1] = t.symbolErrors;
                long corrected = t.correctedBits;
                long blocks = t.phyBits / 5440;
                a[15] = corrected;                         // rs_fec_corrected_blocks (one bit per block)
                a[17] = Math.max(0, blocks - corrected);   // rs_fec_no_errors_blocks
                a[18] = corrected;                         // rs_fec_single_error_blocks
                a[19] = corrected;                         // rs_fec_corrected_symbols_total
                for (int l = 0; l < 4; l++) a[20 + l] = TrafficModel.Totals.lane(corrected, l);
                a[24] = port.linkDownEvents();
                yield a;
            }
            case PHYSICAL_STATISTICAL -> {
                long[] a = new long[8];
                a[0] = uptimeMs;
                a[1] = t.phyBits;
                a[2] = t.symbolErrors;
                a[3] = t.correctedBits;
                for (int l = 0; l < 4; l++) a[4 + l] = TrafficModel.Totals.lane(t.correctedBits, l);
                yield a;
            }
            case PHYSICAL_RECOVERY -> new long[]{0};
            case RS_FEC_HISTOGRAM -> {
                // The same codewords as the physical-layer group: error-free ones in bin 0, corrected ones
                // (one symbol each in this model) in bin 1.
                long[] a = new long[16];
                long corrected = t.correctedBits;
                a[0] = Math.max(0, t.phyBits / 5440 - corrected);
                a[1] = corrected;
                yield a;
            }
            default -> throw new IllegalStateException("group " + grp);
        };
    }
}
