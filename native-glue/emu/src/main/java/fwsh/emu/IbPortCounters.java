package fwsh.emu;

/**
 * The InfiniBand PPCNT groups of an IB port: 0x20 (ib_port_cntrs_grp_data_layout, the PMA PortCounters
 * fields at their mlx5_ifc.h widths) and 0x21 (ib_ext_port_cntrs_grp_data_layout, 64-bit). Values come from
 * the port's {@link TrafficModel} so they agree with the model's totals: the model's frames are the port's packets.
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
    private IbPortCounters() {
    }

    static void define(Ppcnt.Group port, Ppcnt.Group extended) {
        final int rx = TrafficModel.RX;
        final int tx = TrafficModel.TX;
        port.saturate = true;
        port.counter("symbol_error_counter", (t, p, prio) -> t.symbolErrors)
                .counter("link_downed_counter", (t, p, prio) -> p.linkDownEvents())
                .counter("port_rcv_errors", (t, p, prio) -> t.fcsErrors)
                .counter("port_xmit_discards", (t, p, prio) -> t.xmitDiscards);
        extended.counter("port_xmit_data", (t, p, prio) -> t.totalOctets[tx])
                .counter("port_rcv_data", (t, p, prio) -> t.totalOctets[rx])
                .counter("port_xmit_pkts", (t, p, prio) -> t.totalFrames[tx])
                .counter("port_rcv_pkts", (t, p, prio) -> t.totalFrames[rx])
                .counter("port_unicast_xmit_pkts", (t, p, prio) -> t.unicast[tx])
                .counter("port_multicast_xmit_pkts", (t, p, prio) -> t.multicast[tx] + t.broadcast[tx])
                .counter("port_unicast_rcv_pkts", (t, p, prio) -> t.unicast[rx])
                .counter("port_multicast_rcv_pkts", (t, p, prio) -> t.multicast[rx] + t.broadcast[rx]);
    }
}
