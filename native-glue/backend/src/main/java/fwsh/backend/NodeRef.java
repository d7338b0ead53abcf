package fwsh.backend;

import fwsh.base.ArgumentException;

import java.nio.file.Path;
import java.util.List;

/**
 * Identity of a device node as discovery sees it: shown in {@link fwsh.channel.DeviceInfo}.
 *
 * @param name    short name ("fwctl0", "mlx5ctl-mlx5_core.ctl.0")
 * @param node    device node path
 * @param pci     PCI function BDF, or null if unknown
 * @param netdevs network interfaces of the PCI function
 * @param rdma    RDMA devices of the PCI function
 */
public record NodeRef(String name, String node, String pci, List<String> netdevs, List<String> rdma) {
    public NodeRef {
        if (node == null || node.isBlank()) throw new ArgumentException("device node path is empty");
        netdevs = netdevs == null ? List.of() : List.copyOf(netdevs);
        rdma = rdma == null ? List.of() : List.copyOf(rdma);
        if (name == null) name = Path.of(node).getFileName().toString();
    }

    /** Just a node path; name from its file name, nothing else known. */
    public static NodeRef of(String node) {
        return new NodeRef(null, node, null, List.of(), List.of());
    }
}
