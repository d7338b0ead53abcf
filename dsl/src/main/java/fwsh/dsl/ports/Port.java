package fwsh.dsl.ports;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Completable;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.PtysValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One port of a device, as {@code dev.ports} lists it: its number and names (fixed), and its state, speed, link
 * modes, MTU and module (read from the device each time they are asked for: PAOS, PTYS, PMTU, PMLP, MCIA).
 */
public final class Port implements Describable, Completable {
    private final DeviceAccess device;
    private final int localPort;
    private final String netdev;
    private final String rdma;

    Port(DeviceAccess device, int localPort, String netdev, String rdma) {
        this.device = device;
        this.localPort = localPort;
        this.netdev = netdev;
        this.rdma = rdma;
    }

    /** The local_port number registers take. */
    public int getLocalPort() {
        return localPort;
    }

    /** The network interface of this port, or null when the host has none for it. */
    public String getNetdev() {
        return netdev;
    }

    /** The RDMA port as rdma and ibstat name it ("mlx5_0/1"), or null. */
    public String getRdma() {
        return rdma;
    }

    /** The name to show: the netdev, else the RDMA port, else "port N". */
    public String getLabel() {
        return netdev != null ? netdev : rdma != null ? rdma : "port " + localPort;
    }

    /** "eth" or "ib", asked of the device once. */
    public String getProtocol() {
        return device.getReg().protocol(localPort);
    }

    /** PAOS oper_status: equal to 'up' / 'down' and to its number. */
    public Object getState() {
        return paos().getProperty("oper_status");
    }

    /** PAOS admin_status. */
    public Object getAdminState() {
        return paos().getProperty("admin_status");
    }

    /** This port's PTYS, read with its protocol's mask. */
    public PtysValue getPtys() {
        return (PtysValue) device.getReg().get("PTYS").read(Map.of("local_port", localPort));
    }

    /** "100G", "NDR 4x (400 Gb/s)" or "no link". */
    public String getSpeed() {
        return getPtys().getSpeed();
    }

    public long getSpeedMbps() {
        return getPtys().getSpeedMbps();
    }

    /** The active link mode(s): ["100GAUI_2"] or ["NDR 4x"]; empty with no link. */
    public List<String> getLinkModes() {
        return getPtys().getLinkModes();
    }

    /** Every mode the port supports (PTYS capability): Ethernet mode names or InfiniBand speeds. */
    public List<String> getSupportedLinkModes() {
        PtysValue p = getPtys();
        return p.isInfiniband() ? p.getIbCapabilitySpeeds() : p.getEthCapabilityModes();
    }

    /** The modes the port may train to (PTYS admin). */
    public List<String> getEnabledLinkModes() {
        PtysValue p = getPtys();
        return p.isInfiniband() ? p.getIbAdminSpeeds() : p.getEthAdminModes();
    }

    /** PMTU oper_mtu. */
    public Object getMtu() {
        return device.getReg().get("PMTU").read(Map.of("local_port", localPort)).getProperty("oper_mtu");
    }

    /** The module (cage) the port's lanes go to, and its identity: number, type, vendor, part and serial number. */
    public Map<String, Object> getModule() {
        int number = Modules.number(device, localPort);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        try {
            m.putAll(Modules.identity(device, number));
        } catch (FwshException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    private Decoded paos() {
        return device.getReg().get("PAOS").read(Map.of("local_port", localPort));
    }

    /** Every fact as a row: local_port, label, protocol, netdev, state, speed, link modes, MTU, module. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("local_port", localPort);
        m.put("label", getLabel());
        m.put("protocol", getProtocol());
        m.put("netdev", netdev);
        m.put("state", getState());
        PtysValue p = getPtys();
        m.put("speed", p.getSpeed());
        m.put("link_modes", p.getLinkModes());
        m.put("mtu", getMtu());
        m.put("module", getModule());
        return m;
    }

    @Override
    public List<String> completionCandidates() {
        return List.of("localPort", "label", "protocol", "netdev", "rdma", "state", "adminState", "speed", "speedMbps",
                "linkModes", "supportedLinkModes", "enabledLinkModes", "mtu", "module", "ptys", "toMap()");
    }

    @Override
    public String describe() {
        return "port " + localPort + " (" + getLabel() + "): localPort, label, protocol (eth/ib), netdev, rdma, state, adminState,"
                + " speed, speedMbps, linkModes, supportedLinkModes, enabledLinkModes, mtu, module, ptys (the PTYS value), toMap()";
    }

    /** "port 1 emu0p0: eth up 100G (100GAUI_2)", read now. */
    @Override
    public String toString() {
        PtysValue p = getPtys();
        List<String> modes = p.getLinkModes();
        return "port " + localPort + (netdev != null || rdma != null ? " " + getLabel() : "") + ": " + getProtocol() + " "
                + getState() + " " + p.getSpeed() + (modes.isEmpty() || p.isInfiniband() ? "" : " (" + String.join(", ", modes) + ")");
    }
}
