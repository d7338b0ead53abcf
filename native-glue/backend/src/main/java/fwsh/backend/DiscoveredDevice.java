package fwsh.backend;

import fwsh.channel.Transport;

import java.util.List;

/**
 * One device node found by {@link Discovery}, usable or not. Never half-filled with exceptions: what could
 * not be read is null/empty and {@link #reason()} says why.
 *
 * @param name       "fwctl0" or "mlx5ctl-mlx5_core.ctl.0"
 * @param transport  FWCTL or MLX5CTL
 * @param node       device node path (may not exist: see status)
 * @param pci        PCI function BDF ("0000:3b:00.0"), or null when the sysfs links do not lead to one
 * @param driver     driver bound to the PCI function ("mlx5_core"), or null
 * @param netdevs    network interfaces of the PCI function
 * @param rdma       RDMA devices of the PCI function
 * @param deviceType fwctl device type from FWCTL_INFO, or -1 when not asked (mlx5ctl, or the open failed)
 * @param status     usable or why not
 * @param reason     one line: what was found, or what is wrong and what to do
 */
public record DiscoveredDevice(String name, Transport transport, String node, String pci, String driver,
                               List<String> netdevs, List<String> rdma, int deviceType, Status status, String reason) {

    public enum Status {
        USABLE("usable"),
        UNSUPPORTED_TYPE("unsupported type"),
        NODE_MISSING("node missing"),
        PERMISSION_DENIED("permission denied"),
        BROKEN_LINK("broken link"),
        NOT_A_DEVICE("not a device"),
        ERROR("error");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public DiscoveredDevice {
        netdevs = netdevs == null ? List.of() : List.copyOf(netdevs);
        rdma = rdma == null ? List.of() : List.copyOf(rdma);
    }

    public boolean usable() {
        return status == Status.USABLE;
    }

    /** What the channel's DeviceInfo will show. */
    public NodeRef nodeRef() {
        return new NodeRef(name, node, pci, netdevs, rdma);
    }

    /** Does {@code key} name this device: its name, node, PCI address (with or without domain), a netdev or an RDMA device? */
    public boolean matches(String key) {
        if (key == null) return false;
        return key.equals(name) || key.equals(node) || netdevs.contains(key) || rdma.contains(key)
                || (pci != null && (key.equals(pci) || ("0000:" + key).equals(pci)));
    }

    @Override
    public String toString() {
        return name + " [" + transport + ", " + status + "] " + (pci == null ? "-" : pci) + ": " + reason;
    }
}
