package fwsh.channel;

import java.util.List;

/**
 * What a channel knows about its device without sending a firmware command.
 *
 * @param name         short name shown to users, e.g. "fwctl0", "mlx5ctl-mlx5_core.ctl.0", "emu0"
 * @param transport    how the device is reached
 * @param personality  for emulated devices, the kernel interface it imitates (FWCTL or MLX5CTL); else same as transport
 * @param pci          PCI BDF of the function ("0000:3b:00.0"), or null if unknown
 * @param node         device node path, or null for devices without one
 * @param deviceType   fwctl device type (1 = MLX5), 0 where not applicable
 * @param uid          firmware UCTX uid bound to this handle (forced into every command header)
 * @param uctxCaps     UCTX capabilities enabled for the uid (0x4 TOOLS_RESOURCES ...)
 * @param netdevs      network interface names of the PCI function, if any
 * @param rdmaDevs     RDMA device names of the PCI function, if any
 * @param profile      emulator profile name, or null for real devices
 */
public record DeviceInfo(String name, Transport transport, Transport personality, String pci, String node,
                         int deviceType, int uid, long uctxCaps, List<String> netdevs, List<String> rdmaDevs,
                         String profile) {

    public DeviceInfo {
        netdevs = netdevs == null ? List.of() : List.copyOf(netdevs);
        rdmaDevs = rdmaDevs == null ? List.of() : List.copyOf(rdmaDevs);
    }

    /** True when the device enforces the fwctl opcode/scope policy (real fwctl or its emulation). */
    public boolean fwctlPolicy() {
        return personality == Transport.FWCTL;
    }
}
