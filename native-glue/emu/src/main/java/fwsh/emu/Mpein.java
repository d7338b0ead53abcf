package fwsh.emu;

/**
 * MPEIN 0x9050, the PCIe link as the device sees it: speeds and widths enabled and negotiated, functions,
 * payload sizes, slot power. Values come from the profile ({@code pcie.*}); a profile that sets
 * {@code pcie.widthActive} or {@code pcie.speedActive} below what is enabled models a degraded link.
 */
final class Mpein extends Register {
    static final int ID = 0x9050;
    static final long GEN4 = 0x10;
    static final long GEN1_TO_GEN4 = 0x17;
    static final int X16 = 4;

    private final Hca hca;

    Mpein(Hca hca) {
        super(ID, "MPEIN", 0x30);
        this.hca = hca;
    }

    @Override
    void read(RegIo io) {
        Mpcnt.checkHostIndex(io, name);
        Profile p = hca.profile;
        long enabled = p.num("pcie.speedEnabled", GEN1_TO_GEN4);
        io.zero(0x04, 0x2c);
        io.set(0x08, 23, 16, p.num("pcie.widthEnabled", X16));
        io.set(0x08, 15, 0, enabled);
        io.set(0x0c, 23, 16, p.num("pcie.widthActive", X16));
        io.set(0x0c, 15, 0, p.num("pcie.speedActive", GEN4));
        io.set(0x10, 31, 16, p.num("pcie.numPfs", 1));
        io.set(0x10, 15, 0, numOfVfs());
        io.set(0x14, 31, 16, bdf(hca.pci));
        io.set(0x18, 31, 28, p.num("pcie.maxReadRequestSize", 2));   // 512 B
        io.set(0x18, 27, 24, p.num("pcie.maxPayloadSize", 1));       // 256 B
        io.set(0x18, 18, 16, 1);                                      // sufficient power
        io.set(0x1c, 31, 16, p.num("pcie.peerMaxSpeed", enabled));
        io.set(0x1c, 11, 0, p.num("pcie.power", 0));
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
