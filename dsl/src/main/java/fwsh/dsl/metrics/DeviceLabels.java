package fwsh.dsl.metrics;

import fwsh.channel.DeviceInfo;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The labels of a device's series, as node_exporter's infiniband and ethtool collectors name theirs so dashboards
 * can join: {@code device} (the RDMA device name, else fwsh's name), {@code pci}; per port also {@code port} and
 * {@code netdev} (the port's network interface, empty when it has none).
 */
public final class DeviceLabels {
    private DeviceLabels() {
    }

    public static String device(DeviceInfo i) {
        return i.rdmaDevs().isEmpty() ? i.name() : i.rdmaDevs().get(0);
    }

    public static Labels of(DeviceInfo i) {
        return Labels.of("device", device(i), "pci", i.pci() == null ? "" : i.pci());
    }

    public static Labels of(DeviceInfo i, int port) {
        String netdev = port >= 1 && port <= i.netdevs().size() ? i.netdevs().get(port - 1) : "";
        return of(i).add("port", Integer.toString(port)).add("netdev", netdev);
    }

    /** The labels of a counter's series: the device's, or the port's for a port counter. */
    public static Labels of(DeviceInfo i, int port, Scope scope) {
        return scope == Scope.DEVICE ? of(i) : of(i, port);
    }

    /** The transport label: fwctl, mlx5ctl, emulated/fwctl, emulated/mlx5ctl or replay. */
    public static String transport(DeviceInfo i) {
        return i.transport() == fwsh.channel.Transport.EMULATED ? "emulated/" + i.personality().label : i.transport().label;
    }
}
