package fwsh.dsl.metrics;

import fwsh.counters.CounterDef;
import fwsh.wire.Catalog;

import java.util.List;

/**
 * The counter groups {@code fwsh serve} selects by: the PPCNT and MPCNT group names of the catalog
 * ({@code ieee_802_3}, {@code per_priority}, {@code pcie_performance} …), {@code vport} (QUERY_VPORT_COUNTER),
 * {@code congestion} (QUERY_CONG_STATISTICS), {@code temperature} (MTMP), {@code pcie_link} (MPEIN) and {@code diag}.
 */
public final class Groups {
    /**
     * Read by default: the port's error and traffic totals, the physical layer without per-lane counters, temperatures
     * and the PCIe link and its counters. Per-priority, per-TC, size-bucket, histogram and vport groups on request.
     */
    public static final List<String> DEFAULT = List.of("ieee_802_3", "rfc_2863", "ethernet_discard", "physical_layer",
            "physical_layer_statistical", "physical_layer_recovery", "infiniband_port", "infiniband_extended_port",
            "temperature", "pcie_performance", "pcie_link");

    private Groups() {
    }

    /** Every group name: the catalog's PPCNT and MPCNT groups and the command, sensor and link groups. */
    public static List<String> all() {
        List<String> out = new java.util.ArrayList<>();
        Catalog c = Catalog.builtin();
        out.addAll(c.register("PPCNT").layout().field("grp").enumValues().keySet());
        out.addAll(c.register("MPCNT").layout().field("grp").enumValues().keySet());
        out.addAll(List.of("vport", "congestion", "temperature", "pcie_link", "diag"));
        out.remove("all");
        return out;
    }

    /** The group a counter is selected by. */
    public static String of(CounterDef d) {
        String g = d.group();
        int bracket = g.indexOf('[');
        if (g.startsWith("PPCNT/") || g.startsWith("MPCNT/")) return g.substring(6, bracket < 0 ? g.length() : bracket);
        if (g.startsWith("MTMP")) return "temperature";
        if (g.startsWith("MPEIN")) return "pcie_link";
        return switch (g) {
            case "QUERY_VPORT_COUNTER" -> "vport";
            case "QUERY_CONG_STATISTICS" -> "congestion";
            case "DIAG" -> "diag";
            default -> g.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A per-lane counter ({@code fc_fec_corrected_blocks_lane2}, {@code rx_err_lane_1_phy}): only on request. */
    public static boolean perLane(CounterDef d) {
        return d.name().matches(".*_lane_?\\d+(_.*)?");
    }
}
