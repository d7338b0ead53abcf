package fwsh.emu;

/**
 * The InfiniBand PPCNT groups of an IB port: 0x20 (ib_port_cntrs_grp_data_layout, the PMA PortCounters
 * fields at their mlx5_ifc.h widths) and 0x21 (ib_ext_port_cntrs_grp_data_layout, 64-bit, the first counter at
 * byte 0x60 after 0x300 reserved bits). Values come from the port's {@link TrafficModel} so they agree with
 * the model's totals: the model's frames are the port's packets.
 * <ul>
 *   <li>symbol_error_counter: the model's symbol errors (the same number as physical-layer symbol_errors);</li>
 *   <li>link_downed_counter: the port's link-down events (PAOS down, PTYS admin change that drops the link);</li>
 *   <li>port_rcv_errors: the model's FCS errors (received packets with a bad CRC: ICRC/VCRC on IB);</li>
 *   <li>port_xmit_discards: the model's transmit discards (traffic.xmitDiscardRate, default 0);</li>
 *   <li>port_xmit_data / port_rcv_data: octets. The mlx5 IB driver shifts these right by 2 to fill the PMA's
 *       4-byte-word PortCountersExtended (pma_cnt_ext_assign_ppcnt in drivers/infiniband/hw/mlx5/mad.c), so the
 *       register counts bytes;</li>
 *   <li>packets: the model's frames; unicast = the model's unicast, multicast = multicast + broadcast (IB has no
 *       broadcast: it is a multicast group), so unicast + multicast = packets.</li>
 * </ul>
 * link_error_recovery, remote physical / switch relay / constraint errors, link integrity, buffer overrun,
 * VL15 drops and port_xmit_wait are not modelled (0). The 0x20 counters saturate at their field's maximum
 * instead of wrapping, as IB PMA counters do.
 */
final class IbPortCounters {
    static final int IB_PORT = 0x20;
    static final int IB_EXTENDED = 0x21;

    /** Group 0x20 fields as {byte offset in counter_set, msb, lsb}, in {@link #raw} order. */
    static final int[][] PORT_FIELDS = {
            {0x00, 31, 16},  // symbol_error_counter
            {0x00, 15, 8},   // link_error_recovery_counter
            {0x00, 7, 0},    // link_downed_counter
            {0x04, 31, 16},  // port_rcv_errors
            {0x04, 15, 0},   // port_rcv_remote_physical_errors
            {0x08, 31, 16},  // port_rcv_switch_relay_errors
            {0x08, 15, 0},   // port_xmit_discards
            {0x0c, 31, 24},  // port_xmit_constraint_errors
            {0x0c, 23, 16},  // port_rcv_constraint_errors
            {0x0c, 7, 4},    // link_overrun_errors[7:4]: local_link_integrity_errors
            {0x0c, 3, 0},    // link_overrun_errors[3:0]: excessive_buffer_overrun_errors
            {0x10, 15, 0},   // vl_15_dropped
            {0x24, 31, 0},   // port_xmit_wait
    };

    /** Group 0x21 64-bit counters' offsets in counter_set. */
    static final int[] EXTENDED_OFFSETS = {0x60, 0x68, 0x70, 0x78, 0x90, 0x98, 0xa0, 0xa8};

    private IbPortCounters() {
    }

    static long[] raw(int grp, TrafficModel.Totals t, Port port) {
        final int rx = TrafficModel.RX;
        final int tx = TrafficModel.TX;
        return switch (grp) {
            case IB_PORT -> {
                long[] a = new long[PORT_FIELDS.length];
                a[0] = t.symbolErrors;
                a[2] = port.linkDownEvents();
                a[3] = t.fcsErrors;
                a[6] = t.xmitDiscards;
                yield a;
            }
            case IB_EXTENDED -> new long[]{
                    t.totalOctets[tx], t.totalOctets[rx], t.totalFrames[tx], t.totalFrames[rx],
                    t.unicast[tx], t.multicast[tx] + t.broadcast[tx], t.unicast[rx], t.multicast[rx] + t.broadcast[rx]};
            default -> throw new IllegalStateException("group " + grp);
        };
    }

    /** Writes values (since the last clear) into counter_set; 0x20 fields saturate. */
    static void write(RegIo io, int counterSet, int grp, long[] v) {
        if (grp == IB_PORT) {
            for (int i = 0; i < PORT_FIELDS.length; i++) {
                int[] f = PORT_FIELDS[i];
                long max = (1L << (f[1] - f[2] + 1)) - 1;
                io.set(counterSet + f[0], f[1], f[2], Math.min(v[i], max));
            }
        } else {
            for (int i = 0; i < EXTENDED_OFFSETS.length; i++) io.u64(counterSet + EXTENDED_OFFSETS[i], v[i]);
        }
    }
}
