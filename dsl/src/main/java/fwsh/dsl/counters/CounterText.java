package fwsh.dsl.counters;

import java.util.Locale;
import java.util.Map;

/** Units and one-line descriptions of device counters, from their PRM names (mlx5_ifc.h, the PRM, ethtool docs). */
final class CounterText {
    private CounterText() {
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("a_frames_transmitted_ok", "frames transmitted without error"),
            Map.entry("a_frames_received_ok", "frames received without error"),
            Map.entry("a_frame_check_sequence_errors", "frames received with a bad FCS (CRC)"),
            Map.entry("a_alignment_errors", "frames received with an alignment error"),
            Map.entry("a_octets_transmitted_ok", "bytes of frames transmitted without error"),
            Map.entry("a_octets_received_ok", "bytes of frames received without error"),
            Map.entry("a_multicast_frames_xmitted_ok", "multicast frames transmitted"),
            Map.entry("a_broadcast_frames_xmitted_ok", "broadcast frames transmitted"),
            Map.entry("a_multicast_frames_received_ok", "multicast frames received"),
            Map.entry("a_broadcast_frames_received_ok", "broadcast frames received"),
            Map.entry("a_in_range_length_errors", "frames whose length field disagrees with their size"),
            Map.entry("a_out_of_range_length_field", "frames with a length field above the maximum"),
            Map.entry("a_frame_too_long_errors", "frames longer than the maximum size"),
            Map.entry("a_symbol_error_during_carrier", "symbol errors while receiving a frame"),
            Map.entry("a_pause_mac_ctrl_frames_received", "pause frames received"),
            Map.entry("a_pause_mac_ctrl_frames_transmitted", "pause frames transmitted"),
            Map.entry("if_in_discards", "received packets discarded for lack of buffers"),
            Map.entry("if_out_discards", "packets discarded before transmission"),
            Map.entry("if_out_errors", "packets not transmitted because of errors"),
            Map.entry("if_in_errors", "received packets with errors"),
            Map.entry("ether_stats_drop_events", "events where packets were dropped for lack of resources"),
            Map.entry("rx_buffer_almost_full", "times the receive buffer passed its almost-full threshold"),
            Map.entry("rx_buffer_full", "packets dropped because the receive buffer was full"),
            Map.entry("port_transmit_wait", "time the port had data to send but could not"),
            Map.entry("rx_octets", "bytes received on this priority"),
            Map.entry("rx_frames", "frames received on this priority"),
            Map.entry("tx_octets", "bytes transmitted on this priority"),
            Map.entry("tx_frames", "frames transmitted on this priority"),
            Map.entry("rx_pause", "pause frames received on this priority"),
            Map.entry("tx_pause", "pause frames transmitted on this priority"),
            Map.entry("rx_pause_duration", "time paused by received pause frames on this priority"),
            Map.entry("tx_pause_duration", "time the port asked the peer to pause on this priority"),
            Map.entry("rx_discards", "received frames discarded on this priority"),
            Map.entry("device_stall_minor_watermark_cnt", "times the device stalled past the minor watermark (pause storm warning)"),
            Map.entry("device_stall_critical_watermark_cnt", "times the device stalled past the critical watermark (pause storm error)"),
            Map.entry("transmit_queue", "bytes queued for transmission on this traffic class"),
            Map.entry("no_buffer_discard_uc", "unicast packets dropped for lack of buffer on this traffic class"),
            Map.entry("wred_discard", "packets dropped by WRED on this traffic class"),
            Map.entry("ecn_marked_tc", "packets ECN-marked on this traffic class"),
            Map.entry("time_since_last_clear", "time since the group's counters were last cleared"),
            Map.entry("symbol_errors", "PCS symbol errors"),
            Map.entry("link_down_events", "times the link went down"),
            Map.entry("successful_recovery_events", "successful link recoveries"),
            Map.entry("phy_received_bits", "bits received on the physical layer"),
            Map.entry("phy_symbol_errors", "PCS symbol errors (post-FEC)"),
            Map.entry("phy_corrected_bits", "bits corrected by FEC"),
            Map.entry("rs_fec_corrected_blocks", "RS-FEC blocks corrected"),
            Map.entry("rs_fec_uncorrectable_blocks", "RS-FEC blocks that could not be corrected"),
            Map.entry("rs_fec_no_errors_blocks", "RS-FEC blocks received without error"),
            Map.entry("rs_fec_corrected_symbols_total", "RS-FEC symbols corrected"),
            Map.entry("total_successful_recovery_events", "successful physical-layer recoveries"),
            Map.entry("symbol_error_counter", "minor link errors (symbol errors) on any lane"),
            Map.entry("link_error_recovery_counter", "times the link error recovery process completed"),
            Map.entry("link_downed_counter", "times the link error recovery process failed and the link went down"),
            Map.entry("port_rcv_errors", "received packets with errors"),
            Map.entry("port_rcv_remote_physical_errors", "received packets marked bad (EBP) by the sender"),
            Map.entry("port_rcv_switch_relay_errors", "received packets that could not be forwarded"),
            Map.entry("port_xmit_discards", "outbound packets discarded (port down or congestion)"),
            Map.entry("port_xmit_constraint_errors", "outbound packets not sent because of partition or rate constraints"),
            Map.entry("port_rcv_constraint_errors", "received packets dropped because of partition or rate constraints"),
            Map.entry("local_link_integrity_errors", "times local physical errors exceeded the link integrity threshold"),
            Map.entry("excessive_buffer_overrun_errors", "times consecutive flow-control update periods had buffer overruns"),
            Map.entry("vl_15_dropped", "management (VL15) packets dropped for lack of resources"),
            Map.entry("port_xmit_wait", "ticks the port had data to send but no flow-control credits"),
            Map.entry("port_xmit_data", "bytes transmitted (sysfs port_xmit_data shows this / 4, in 4-byte words)"),
            Map.entry("port_rcv_data", "bytes received (sysfs port_rcv_data shows this / 4, in 4-byte words)"),
            Map.entry("port_xmit_pkts", "packets transmitted"),
            Map.entry("port_rcv_pkts", "packets received"),
            Map.entry("port_unicast_xmit_pkts", "unicast packets transmitted"),
            Map.entry("port_multicast_xmit_pkts", "multicast packets transmitted"),
            Map.entry("port_unicast_rcv_pkts", "unicast packets received"),
            Map.entry("port_multicast_rcv_pkts", "multicast packets received"));

    /**
     * A one-line description: a known text, else the catalog's description of the field ({@code catalogText},
     * may be null), else the PRM name in words; with the group it comes from.
     */
    static String describe(String prmName, String groupTitle, String catalogText) {
        String d = DESCRIPTIONS.get(prmName);
        if (d == null && prmName.matches(".*_lane\\d")) {
            String base = prmName.replaceAll("_lane\\d$", "");
            String known = DESCRIPTIONS.get(base);
            d = (known != null ? known : base.replace('_', ' ')) + ", lane " + prmName.charAt(prmName.length() - 1);
        }
        if (d == null && catalogText != null && !catalogText.isEmpty()) d = catalogText;
        if (d == null) d = prmName.replace('_', ' ');
        return d + " (" + groupTitle + ": " + prmName + ")";
    }

    /** What one step of a counter counts, guessed from its PRM name. */
    static String unit(String prmName) {
        String n = prmName.toLowerCase(Locale.ROOT);
        if (n.equals("time_since_last_clear")) return "ms";
        if (n.equals("port_transmit_wait") || n.equals("port_xmit_wait")) return "ticks";
        if (n.equals("port_xmit_data") || n.equals("port_rcv_data")) return "bytes";
        if (n.equals("link_downed_counter") || n.equals("local_link_integrity_errors") || n.equals("excessive_buffer_overrun_errors")) return "events";
        if (n.endsWith("_duration")) return "us";
        if (n.matches(".*pkts\\d+(to\\d+)?octets")) return "packets"; // RFC 2819 size buckets count frames of that size
        if (n.contains("octets") || n.contains("bytes") || n.equals("transmit_queue")) return "bytes";
        if (n.contains("bits")) return "bits";
        if (n.contains("blocks")) return "blocks";
        if (n.contains("symbols")) return "symbols";
        if (n.contains("events") || n.contains("watermark") || n.contains("recovery")
                || n.contains("almost_full") || n.contains("symbol_err")) return "events";
        return "packets";
    }
}
