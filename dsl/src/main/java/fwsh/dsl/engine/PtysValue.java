package fwsh.dsl.engine;

import fwsh.wire.IbLinkModes;
import fwsh.wire.LinkModes;
import fwsh.wire.Value;

import java.util.List;
import java.util.function.Supplier;

/**
 * A PTYS read with its protocol masks named: {@code ethOperModes} (["100GAUI_2"]), {@code ethCapabilityModes},
 * {@code ethAdminModes}, {@code ethPartnerModes}, the InfiniBand speeds and widths, and for either protocol
 * {@code speed} ("100G", "NDR 4x (400 Gb/s)", "no link"), {@code speedMbps} and {@code linkModes} (what is active).
 * Bit meanings are the kernel's (port.h, mlx5_ptys_rate, mlx5_ptys_width).
 */
public final class PtysValue extends Decoded {
    private static final long IB = 1;

    PtysValue(Value value, Supplier<Console> console) {
        super(value, console);
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case "ethOperModes" -> getEthOperModes();
            case "ethAdminModes" -> getEthAdminModes();
            case "ethCapabilityModes" -> getEthCapabilityModes();
            case "ethPartnerModes" -> getEthPartnerModes();
            case "ibOperSpeed" -> getIbOperSpeed();
            case "ibOperWidth" -> getIbOperWidth();
            case "ibCapabilitySpeeds" -> getIbCapabilitySpeeds();
            case "ibCapabilityWidths" -> getIbCapabilityWidths();
            case "ibAdminSpeeds" -> getIbAdminSpeeds();
            case "ibAdminWidths" -> getIbAdminWidths();
            case "infiniband" -> isInfiniband();
            case "speed" -> getSpeed();
            case "speedMbps" -> getSpeedMbps();
            case "linkModes" -> getLinkModes();
            default -> super.getProperty(name);
        };
    }

    /** Whether this read asked for the InfiniBand fields (proto_mask ib). */
    public boolean isInfiniband() {
        return (num("proto_mask") & IB) != 0;
    }

    public List<String> getEthOperModes() {
        return LinkModes.modes(num("eth_proto_oper"), num("ext_eth_proto_oper"));
    }

    public List<String> getEthAdminModes() {
        return LinkModes.modes(num("eth_proto_admin"), num("ext_eth_proto_admin"));
    }

    public List<String> getEthCapabilityModes() {
        return LinkModes.modes(num("eth_proto_capability"), num("ext_eth_proto_capability"));
    }

    /** What the link partner advertised (legacy modes). */
    public List<String> getEthPartnerModes() {
        return LinkModes.modes(num("eth_proto_lp_advertise"), 0);
    }

    /** "NDR", or "" with no link. */
    public String getIbOperSpeed() {
        return IbLinkModes.speedName(num("ib_proto_oper"));
    }

    /** "4x", or "" with no link. */
    public String getIbOperWidth() {
        return IbLinkModes.widths(num("ib_link_width_oper")).stream().findFirst().orElse("");
    }

    public List<String> getIbCapabilitySpeeds() {
        return IbLinkModes.speeds(num("ib_proto_capability"));
    }

    public List<String> getIbCapabilityWidths() {
        return IbLinkModes.widths(num("ib_link_width_capability"));
    }

    public List<String> getIbAdminSpeeds() {
        return IbLinkModes.speeds(num("ib_proto_admin"));
    }

    public List<String> getIbAdminWidths() {
        return IbLinkModes.widths(num("ib_link_width_admin"));
    }

    /** "100G" (Ethernet), "NDR 4x (400 Gb/s)" (InfiniBand), or "no link". */
    public String getSpeed() {
        if (isInfiniband()) return IbLinkModes.describe(num("ib_proto_oper"), num("ib_link_width_oper"));
        long mbps = getSpeedMbps();
        return mbps == 0 ? "no link" : LinkModes.rate(mbps);
    }

    /** The active link rate in Mb/s; 0 with no link. */
    public long getSpeedMbps() {
        if (isInfiniband()) return IbLinkModes.mbps(num("ib_proto_oper"), num("ib_link_width_oper"));
        return LinkModes.fastestMbps(num("eth_proto_oper"), num("ext_eth_proto_oper"));
    }

    /** The active mode: Ethernet mode names (["100GAUI_2"]) or the InfiniBand speed and width (["NDR 4x"]). */
    public List<String> getLinkModes() {
        if (!isInfiniband()) return getEthOperModes();
        String speed = getIbOperSpeed();
        return speed.isEmpty() || getIbOperWidth().isEmpty() ? List.of() : List.of(speed + " " + getIbOperWidth());
    }

    @Override
    public List<String> completionCandidates() {
        List<String> names = super.completionCandidates();
        names.addAll(List.of("ethOperModes", "ethAdminModes", "ethCapabilityModes", "ethPartnerModes", "ibOperSpeed",
                "ibOperWidth", "ibCapabilitySpeeds", "ibCapabilityWidths", "ibAdminSpeeds", "ibAdminWidths", "speed",
                "speedMbps", "linkModes"));
        return names;
    }

    private long num(String field) {
        return ((Number) raw(field)).longValue();
    }
}
