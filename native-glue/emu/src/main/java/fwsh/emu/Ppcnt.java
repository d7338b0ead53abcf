package fwsh.emu;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PPCNT 0x5008, port performance counters. A counter group's counters are the fields of the catalog's
 * {@code counter_set} member that its {@code grp} value selects; the model names the counters that move and
 * takes their values from the port's {@link TrafficModel} (the rest read 0). {@code clr} makes the current
 * values the new zero for that group (and priority/TC), grp 63 with clr on a write clears all.
 * An Ethernet port answers the Ethernet and physical-layer groups; an InfiniBand port answers the
 * physical-layer groups (the PHY is the same) and the IB groups 0x20/0x21 ({@link IbPortCounters}).
 */
final class Ppcnt extends Register {
    /** Which ports answer a group: the MAC-level Ethernet groups are refused on an InfiniBand port. */
    enum PortType { ETHERNET, INFINIBAND, BOTH }

    /** A counter's never-cleared value from the port's traffic totals. */
    interface Counter {
        long of(TrafficModel.Totals t, Port port, int prio);
    }

    /** One counter group: its fields from the catalog and the counters the model moves. */
    static final class Group {
        final int grp;
        final PortType ports;
        final boolean perPrio;
        /** Counters saturate at their width instead of wrapping (IB PMA counters). */
        boolean saturate;
        private final RegField[] fields;
        private final Map<String, Integer> index = new HashMap<>();
        private int[] at = new int[0];
        private Counter[] values = new Counter[0];

        private Group(int grp, PortType ports, boolean perPrio, List<RegField> fields) {
            this.grp = grp;
            this.ports = ports;
            this.perPrio = perPrio;
            this.fields = fields.toArray(RegField[]::new);
            for (int i = 0; i < this.fields.length; i++) {
                String path = this.fields[i].name();                 // counter_set.MEMBER.NAME
                index.put(path.substring(path.lastIndexOf('.') + 1), i);
            }
        }

        /** The model's value for the counter field {@code name} of this group's layout. */
        Group counter(String name, Counter c) {
            Integer i = index.get(name);
            if (i == null) throw new IllegalStateException("emulator register model PPCNT: group 0x" + Integer.toHexString(grp) + " has no counter " + name);
            at = Arrays.copyOf(at, at.length + 1);
            values = Arrays.copyOf(values, values.length + 1);
            at[at.length - 1] = i;
            values[values.length - 1] = c;
            return this;
        }

        long[] raw(TrafficModel.Totals t, Port port, int prio) {
            long[] a = new long[fields.length];
            for (int i = 0; i < at.length; i++) a[at[i]] = values[i].of(t, port, prio);
            return a;
        }

        void write(RegIo io, long[] v) {
            for (int i = 0; i < fields.length; i++) {
                RegField f = fields[i];
                io.set(f, saturate && f.width() < 64 ? Math.min(v[i], (1L << f.width()) - 1) : v[i]);
            }
        }

        boolean answers(Port p) {
            return ports == PortType.BOTH || (ports == PortType.INFINIBAND) == p.ib;
        }
    }

    static final int RX = TrafficModel.RX;
    static final int TX = TrafficModel.TX;
    /** The RMON size buckets, as the counters name them (ether_stats_pkts64octets, tx_stats_pkts64octets, …). */
    static final String[] BUCKETS = {"64", "65to127", "128to255", "256to511", "512to1023", "1024to1518", "1519to2047",
            "2048to4095", "4096to8191", "8192to10239"};

    private final Hca hca;
    private final RegField localPort, grpField, clr, prioTc, counterSet;
    private final int grpAll, rsFecHistogram;
    private final Map<Integer, Group> groups = new LinkedHashMap<>();

    Ppcnt(Hca hca) {
        this(hca, RegLayout.of("PPCNT"));
    }

    private Ppcnt(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        localPort = l.field("local_port");
        grpField = l.field("grp");
        clr = l.field("clr");
        prioTc = l.field("prio_tc");
        counterSet = l.area("counter_set");
        grpAll = l.enumValue("grp", "all");
        rsFecHistogram = l.enumValue("grp", "rs_fec_histogram");

        group("ieee_802_3", PortType.ETHERNET)
                .counter("a_frames_transmitted_ok", (t, p, prio) -> t.totalFrames[TX])
                .counter("a_frames_received_ok", (t, p, prio) -> t.totalFrames[RX])
                .counter("a_frame_check_sequence_errors", (t, p, prio) -> t.fcsErrors)
                .counter("a_octets_transmitted_ok", (t, p, prio) -> t.totalOctets[TX])
                .counter("a_octets_received_ok", (t, p, prio) -> t.totalOctets[RX])
                .counter("a_multicast_frames_xmitted_ok", (t, p, prio) -> t.multicast[TX])
                .counter("a_broadcast_frames_xmitted_ok", (t, p, prio) -> t.broadcast[TX])
                .counter("a_multicast_frames_received_ok", (t, p, prio) -> t.multicast[RX])
                .counter("a_broadcast_frames_received_ok", (t, p, prio) -> t.broadcast[RX])
                .counter("a_symbol_error_during_carrier", (t, p, prio) -> t.symbolErrors);
        group("rfc_2863", PortType.ETHERNET)
                .counter("if_in_octets", (t, p, prio) -> t.totalOctets[RX])
                .counter("if_in_ucast_pkts", (t, p, prio) -> t.unicast[RX])
                .counter("if_in_discards", (t, p, prio) -> t.totalDiscards)
                .counter("if_in_errors", (t, p, prio) -> t.fcsErrors)
                .counter("if_out_octets", (t, p, prio) -> t.totalOctets[TX])
                .counter("if_out_ucast_pkts", (t, p, prio) -> t.unicast[TX])
                .counter("if_in_multicast_pkts", (t, p, prio) -> t.multicast[RX])
                .counter("if_in_broadcast_pkts", (t, p, prio) -> t.broadcast[RX])
                .counter("if_out_multicast_pkts", (t, p, prio) -> t.multicast[TX])
                .counter("if_out_broadcast_pkts", (t, p, prio) -> t.broadcast[TX]);
        Group rfc2819 = group("rfc_2819", PortType.ETHERNET)
                .counter("ether_stats_drop_events", (t, p, prio) -> t.totalDiscards)
                .counter("ether_stats_octets", (t, p, prio) -> t.totalOctets[RX])
                .counter("ether_stats_pkts", (t, p, prio) -> t.totalFrames[RX])
                .counter("ether_stats_broadcast_pkts", (t, p, prio) -> t.broadcast[RX])
                .counter("ether_stats_multicast_pkts", (t, p, prio) -> t.multicast[RX])
                .counter("ether_stats_crc_align_errors", (t, p, prio) -> t.fcsErrors);
        group("rfc_3635", PortType.ETHERNET)
                .counter("dot3stats_fcs_errors", (t, p, prio) -> t.fcsErrors)
                .counter("dot3stats_symbol_errors", (t, p, prio) -> t.symbolErrors);
        Group extended = group("ethernet_extended", PortType.ETHERNET)
                .counter("ecn_marked", (t, p, prio) -> t.totalEcn);
        for (int i = 0; i < BUCKETS.length; i++) {
            int b = i;
            rfc2819.counter("ether_stats_pkts" + BUCKETS[i] + "octets", (t, p, prio) -> t.buckets[RX][b]);
            extended.counter("tx_stats_pkts" + BUCKETS[i] + "octets", (t, p, prio) -> t.buckets[TX][b]);
        }
        group("ethernet_discard", PortType.ETHERNET)
                .counter("ingress_general", (t, p, prio) -> t.totalDiscards);
        group("per_priority", PortType.ETHERNET, true)
                .counter("rx_octets", (t, p, prio) -> t.octets[RX][prio])
                .counter("rx_frames", (t, p, prio) -> t.frames[RX][prio])
                .counter("tx_octets", (t, p, prio) -> t.octets[TX][prio])
                .counter("tx_frames", (t, p, prio) -> t.frames[TX][prio])
                .counter("rx_discards", (t, p, prio) -> t.discards[prio]);
        group("per_traffic_class", PortType.ETHERNET, true)
                .counter("no_buffer_discard_uc", (t, p, prio) -> t.discards[prio]);
        group("per_traffic_class_congestion", PortType.ETHERNET, true)
                .counter("ecn_marked_tc", (t, p, prio) -> t.ecnMarked[prio]);
        Group phy = group("physical_layer", PortType.BOTH)
                .counter("time_since_last_clear", (t, p, prio) -> uptimeMs())
                .counter("symbol_errors", (t, p, prio) -> t.symbolErrors)
                .counter("rs_fec_corrected_blocks", (t, p, prio) -> t.correctedBits)       // one bit per block
                .counter("rs_fec_no_errors_blocks", (t, p, prio) -> errorFreeBlocks(t))
                .counter("rs_fec_single_error_blocks", (t, p, prio) -> t.correctedBits)
                .counter("rs_fec_corrected_symbols_total", (t, p, prio) -> t.correctedBits)
                .counter("link_down_events", (t, p, prio) -> p.linkDownEvents());
        Group statistical = group("physical_layer_statistical", PortType.BOTH)
                .counter("time_since_last_clear", (t, p, prio) -> uptimeMs())
                .counter("phy_received_bits", (t, p, prio) -> t.phyBits)
                .counter("phy_symbol_errors", (t, p, prio) -> t.symbolErrors)
                .counter("phy_corrected_bits", (t, p, prio) -> t.correctedBits);
        for (int i = 0; i < 4; i++) {
            int lane = i;
            phy.counter("rs_fec_corrected_symbols_lane" + i, (t, p, prio) -> TrafficModel.Totals.lane(t.correctedBits, lane));
            statistical.counter("phy_corrected_bits_lane" + i, (t, p, prio) -> TrafficModel.Totals.lane(t.correctedBits, lane));
        }
        group("physical_layer_recovery", PortType.BOTH);
        // The same codewords as the physical-layer group: error-free ones in bin 0, corrected ones (one symbol
        // each in this model) in bin 1.
        group("rs_fec_histogram", PortType.BOTH)
                .counter("hist[0]", (t, p, prio) -> errorFreeBlocks(t))
                .counter("hist[1]", (t, p, prio) -> t.correctedBits);
        IbPortCounters.define(group("infiniband_port", PortType.INFINIBAND), group("infiniband_extended_port", PortType.INFINIBAND));
    }

    private Group group(String grpName, PortType ports) {
        return group(grpName, ports, false);
    }

    /** A group named by its grp enum value; {@code perPrio}: prio_tc selects one of 8 instances. */
    private Group group(String grpName, PortType ports, boolean perPrio) {
        int grp = layout.enumValue("grp", grpName);
        Group g = new Group(grp, ports, perPrio, layout.selected("counter_set", grpName));
        groups.put(grp, g);
        return g;
    }

    private long uptimeMs() {
        return (hca.clock.nanos() - hca.startNanos) / 1_000_000;
    }

    private static long errorFreeBlocks(TrafficModel.Totals t) {
        return Math.max(0, t.phyBits / 5440 - t.correctedBits);
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
        Port port = hca.port(io.inInt(localPort), name);
        int grp = io.inInt(grpField);
        boolean clear = io.in(clr) != 0;
        int prio = io.inInt(prioTc);
        io.zero(counterSet);
        if (grp == grpAll) {
            if (!write || !clear) {
                throw FirmwareError.badParam("PPCNT.grp_all_needs_set_clr", "grp 63 (all groups) is valid only on a write with clr=1");
            }
            synchronized (port) {
                TrafficModel.Totals t = port.totals();
                for (Group g : groups.values()) {
                    if (!g.answers(port)) continue;
                    for (int pr = 0; pr < (g.perPrio ? 8 : 1); pr++) port.sinceClear(port.ppcntBaselines(), g.grp * 32 + pr, g.raw(t, port, pr), true);
                }
            }
            return;
        }
        Group g = groups.get(grp);
        if (port.ib && g != null && g.ports == PortType.ETHERNET) {
            throw FirmwareError.badParam("PPCNT.ethernet_group_on_ib_port", "counter group 0x" + Integer.toHexString(grp)
                    + " is an Ethernet group; port " + port.number + " is an InfiniBand port (groups 0x20, 0x21 and the physical-layer groups)");
        }
        if (g == null || !g.answers(port)) {
            throw FirmwareError.badParam("PPCNT.unsupported_group", "counter group 0x" + Integer.toHexString(grp) + " is not supported on " + (port.ib ? "an InfiniBand port" : "an Ethernet port"));
        }
        if (grp == rsFecHistogram && Pphcr.histType(hca.profile) == Pphcr.HIST_NONE) {
            throw FirmwareError.badParam("PPCNT.no_fec_histogram", "the active FEC of port " + port.number + " has no RS-FEC histogram (see PPHCR)");
        }
        if (g.perPrio && prio > 7) {
            throw FirmwareError.badParam("PPCNT.bad_prio_tc", "prio_tc " + prio + " must be 0..7");
        }
        int p = g.perPrio ? prio : 0;
        g.write(io, port.sample(port.ppcntBaselines(), grp * 32 + p, t -> g.raw(t, port, p), clear));
    }
}
