package fwsh.dsl.metrics;

import fwsh.counters.CounterDef;

/**
 * Whether a counter belongs to a port or to the whole device, which decides its metric prefix and labels:
 * {@code fwsh_port_…{device, pci, port, netdev}} or {@code fwsh_device_…{device, pci}}. PCIe (MPCNT, MPEIN), the
 * congestion statistics and the ASIC sensor (MTMP 0) are the device's; everything else is read per port.
 */
public enum Scope {
    PORT("fwsh_port_"),
    DEVICE("fwsh_device_");

    public final String prefix;

    Scope(String prefix) {
        this.prefix = prefix;
    }

    public static Scope of(CounterDef d) {
        String g = d.group();
        return g.startsWith("MPCNT/") || g.startsWith("MPEIN") || g.equals("QUERY_CONG_STATISTICS") || g.equals("MTMP[0]")
                ? DEVICE : PORT;
    }
}
