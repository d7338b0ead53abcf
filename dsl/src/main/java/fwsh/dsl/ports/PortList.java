package fwsh.dsl.ports;

import fwsh.base.FwshException;
import fwsh.channel.DeviceInfo;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dev.ports}: the ports the device's function addresses, local_port 1..num_ports (HCA capability
 * {@code num_ports}; MGIR's count when the capability cannot be read), with their netdev and RDMA port where the
 * host has one per port. The list is fixed; each port reads its state when asked.
 */
public final class PortList extends AbstractList<Port> implements Describable {
    private final List<Port> ports;

    private PortList(List<Port> ports) {
        this.ports = ports;
    }

    public static PortList of(DeviceAccess device) {
        int n = count(device);
        DeviceInfo info = device.rawChannel().info();
        List<String> netdevs = info.netdevs();
        List<String> rdma = info.rdmaDevs();
        List<Port> ports = new ArrayList<>(n);
        for (int p = 1; p <= n; p++) {
            String netdev = netdevs.size() == n ? netdevs.get(p - 1) : null;
            String rdmaPort = rdma.size() == 1 ? rdma.get(0) + "/" + p : null;
            ports.add(new Port(device, p, netdev, rdmaPort));
        }
        return new PortList(List.copyOf(ports));
    }

    private static int count(DeviceAccess device) {
        try {
            return ((Number) device.getCap().get("GENERAL").getProperty("num_ports")).intValue();
        } catch (FwshException noCaps) {
            Object hw = device.getReg().get("MGIR").read(java.util.Map.of()).getProperty("hw_info");
            return ((Number) ((fwsh.dsl.engine.Decoded) hw).getProperty("num_ports")).intValue();
        }
    }

    @Override
    public Port get(int index) {
        return ports.get(index);
    }

    @Override
    public int size() {
        return ports.size();
    }

    /** The port with this local_port number. */
    public Port port(int localPort) {
        for (Port p : ports) if (p.getLocalPort() == localPort) return p;
        throw new FwshException("no port " + localPort + "; this device has local ports 1.." + ports.size());
    }

    @Override
    public String describe() {
        return "dev.ports — " + ports.size() + " port(s), local_port 1.." + ports.size() + ". dev.ports[0].state, .speed, .linkModes,"
                + " .protocol, .module, .mtu; dev.port(1) by number; each row of the table is read when shown.";
    }
}
