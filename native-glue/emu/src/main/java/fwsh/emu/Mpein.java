package fwsh.emu;

/**
 * MPEIN 0x9050, the PCIe link as the device sees it: speeds and widths enabled and negotiated, functions,
 * payload sizes, slot power. Values come from the profile ({@code pcie.*}); a profile that sets
 * {@code pcie.widthActive} or {@code pcie.speedActive} below what is enabled models a degraded link.
 */
final class Mpein extends Register {
    static final long GEN4 = 0x10;
    static final long GEN1_TO_GEN4 = 0x17;
    static final int X16 = 4;

    private final Hca hca;
    private final Mpcnt.HostIndex host;
    private final RegField widthEnabled, speedEnabled, widthActive, speedActive, numPfs, numVfs, bdf0;
    private final RegField maxReadRequest, maxPayload, pwrStatus, peerMaxSpeed, power, reply;

    Mpein(Hca hca) {
        this(hca, RegLayout.of("MPEIN"));
    }

    private Mpein(Hca hca, RegLayout l) {
        super(l);
        this.hca = hca;
        host = new Mpcnt.HostIndex(l);
        widthEnabled = l.field("link_width_enabled");
        speedEnabled = l.field("link_speed_enabled");
        widthActive = l.field("link_width_active");
        speedActive = l.field("link_speed_active");
        numPfs = l.field("num_of_pfs");
        numVfs = l.field("num_of_vfs");
        bdf0 = l.field("bdf0");
        maxReadRequest = l.field("max_read_request_size");
        maxPayload = l.field("max_payload_size");
        pwrStatus = l.field("pwr_status");
        peerMaxSpeed = l.field("link_peer_max_speed");
        power = l.field("pci_power");
        reply = l.after("node");
    }

    @Override
    void read(RegIo io) {
        host.check(io, name);
        Profile p = hca.profile;
        long enabled = p.num("pcie.speedEnabled", GEN1_TO_GEN4);
        io.zero(reply);
        io.set(widthEnabled, p.num("pcie.widthEnabled", X16));
        io.set(speedEnabled, enabled);
        io.set(widthActive, p.num("pcie.widthActive", X16));
        io.set(speedActive, p.num("pcie.speedActive", GEN4));
        io.set(numPfs, p.num("pcie.numPfs", 1));
        io.set(numVfs, numOfVfs());
        io.set(bdf0, bdf(hca.pci));
        io.set(maxReadRequest, p.num("pcie.maxReadRequestSize", 2));   // 512 B
        io.set(maxPayload, p.num("pcie.maxPayloadSize", 1));           // 256 B
        io.set(pwrStatus, 1);                                           // sufficient power
        io.set(peerMaxSpeed, p.num("pcie.peerMaxSpeed", enabled));
        io.set(power, p.num("pcie.power", 0));
    }

    /** VFs the device exposes since its last reboot: NUM_OF_VFS when SRIOV_EN is on in the NV configuration in use. */
    private long numOfVfs() {
        Long en = hca.nv.current("nv_global_pci_conf", "sriov_en", 0);
        Long vfs = hca.nv.current("nv_global_pci_conf", "total_vfs", 0);
        return en != null && en == 1 && vfs != null ? vfs : 0;
    }

    /** bus:device.function of "dddd:bb:dd.f" as the 16-bit BDF. */
    static long bdf(String pci) {
        String[] parts = pci.split("[:.]");
        int n = parts.length;
        return (Long.parseLong(parts[n - 3], 16) << 8) | (Long.parseLong(parts[n - 2], 16) << 3) | Long.parseLong(parts[n - 1], 16);
    }
}
