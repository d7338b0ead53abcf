package fwsh.backend;

import fwsh.abi.FwctlUapi;
import fwsh.abi.Libc;
import fwsh.abi.Mlx5ctlUapi;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceGoneException;
import fwsh.channel.Errno;
import fwsh.channel.FwctlPolicy;
import fwsh.channel.NotADeviceException;
import fwsh.channel.PermissionException;
import fwsh.channel.RpcSizeException;
import fwsh.channel.Scope;
import fwsh.channel.ScopeNotAllowedException;
import fwsh.channel.Transport;
import fwsh.channel.UmemLimitException;
import fwsh.channel.UnknownUmemException;

/**
 * Turns an errno from a fwctl/mlx5ctl call into the typed {@link ChannelException} with one line that says
 * what went wrong and what to do. Each method knows which call failed, so the same errno can read
 * differently (EINVAL on an RPC is a size problem, on UMEM_REG a umem limit).
 */
public final class KernelErrors {
    private KernelErrors() {
    }

    /** The handle's device was removed; used for the ENODEV itself and for every later call. */
    public static DeviceGoneException gone(String node) {
        return new DeviceGoneException(node + ": device gone (ENODEV, hot-unplugged or driver unbound); this handle is dead,"
                + " every call on it fails; run device discovery again and reopen");
    }

    public static ChannelException open(String node, Transport transport, int errno) {
        return switch (errno) {
            case Errno.EACCES -> new PermissionException(Errno.EACCES, "cannot open " + node + ": permission denied; "
                    + (transport == Transport.FWCTL
                    ? "give your user access (a udev rule such as SUBSYSTEM==\"fwctl\", GROUP=\"<group>\", MODE=\"0660\" and membership of that group) or run as root"
                    : "give your user access to the node (udev rule with GROUP/MODE) and CAP_SYS_ADMIN, or run as root"));
            case Errno.EPERM -> new PermissionException(Errno.EPERM, "cannot open " + node + ": operation not permitted (EPERM); run as root");
            case Errno.ENOENT, Errno.ENXIO, Errno.ENODEV -> new DeviceGoneException(errno, "cannot open " + node + ": "
                    + Errno.name(errno) + ", the node or its device does not exist (removed or driver not loaded); run device discovery again");
            default -> new ChannelException(errno, "cannot open " + node + ": " + Errno.name(errno));
        };
    }

    /** FWCTL_INFO or MLX5CTL_IOCTL_INFO failed. */
    public static ChannelException info(String node, Transport transport, int errno) {
        String ioctl = transport == Transport.FWCTL ? "FWCTL_INFO" : "MLX5CTL_IOCTL_INFO";
        return switch (errno) {
            case Errno.ENODEV -> gone(node);
            case Errno.ENOTTY, Errno.EINVAL -> new NotADeviceException(errno, node + " is not a " + transport.label
                    + " device (" + ioctl + " failed with " + Errno.name(errno) + "); pick a node from device discovery");
            case Errno.EPERM -> mlx5ctlPermission(node, ioctl);
            default -> new ChannelException(errno, ioctl + " on " + node + " failed: " + Errno.name(errno));
        };
    }

    /** FWCTL_RPC failed: the RPC was not delivered. */
    public static ChannelException fwctlRpc(String node, int opcode, int opMod, Scope scope, int inLen, int outLen, int errno) {
        String cmd = OpcodeNames.describe(opcode) + " op_mod 0x" + Integer.toHexString(opMod);
        return switch (errno) {
            case Errno.ENODEV -> gone(node);
            case Errno.EBADMSG -> new ScopeNotAllowedException(node + ": fwctl refused opcode " + cmd + " at scope " + scope
                    + FwctlPolicy.minScope(opcode, opMod)
                    .map(min -> "; its minimum scope is " + min + ", send it at that scope")
                    .orElse("; this opcode is not allowed at any fwctl scope (the mlx5 fwctl driver filters it)"));
            case Errno.EPERM -> new PermissionException(Errno.EPERM, node + ": opcode " + cmd + " at scope " + scope
                    + (scope == Scope.DEBUG_WRITE_FULL
                    ? " needs CAP_SYS_RAWIO; run with that capability or send at a lower scope"
                    : " was refused (EPERM); check the process capabilities"));
            case Errno.EMSGSIZE, Errno.EINVAL -> new RpcSizeException(errno, node + ": fwctl refused the sizes of " + cmd
                    + " (in " + inLen + " B, out " + outLen + " B, " + Errno.name(errno) + "); each must be 16.."
                    + FwctlUapi.MAX_RPC_LEN + " bytes (2 MiB)");
            case Errno.EOPNOTSUPP -> new ChannelException(errno, node + ": fwctl does not support scope " + scope.value
                    + " (EOPNOTSUPP); use 0..3");
            case Errno.ENOTTY -> new NotADeviceException(node + " does not accept FWCTL_RPC (ENOTTY); it is not a fwctl device");
            default -> new ChannelException(errno, node + ": FWCTL_RPC " + cmd + " not delivered: " + Errno.name(errno)
                    + " (firmware command interface error)");
        };
    }

    /** MLX5CTL_IOCTL_CMDRPC failed: the RPC was not delivered. */
    public static ChannelException mlx5ctlRpc(String node, int opcode, int opMod, int inLen, int outLen, int errno) {
        String cmd = OpcodeNames.describe(opcode) + " op_mod 0x" + Integer.toHexString(opMod);
        return switch (errno) {
            case Errno.ENODEV -> gone(node);
            case Errno.EPERM -> mlx5ctlPermission(node, "MLX5CTL_IOCTL_CMDRPC");
            case Errno.EINVAL, Errno.EMSGSIZE -> new RpcSizeException(errno, node + ": mlx5ctl refused the sizes of " + cmd
                    + " (in " + inLen + " B, out " + outLen + " B, " + Errno.name(errno) + "); each must be 16.."
                    + Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE + " bytes (256 KiB)");
            case Errno.ENOTTY -> new NotADeviceException(node + " does not accept MLX5CTL_IOCTL_CMDRPC (ENOTTY); it is not an mlx5ctl V4 device");
            default -> new ChannelException(errno, node + ": MLX5CTL_IOCTL_CMDRPC " + cmd + " not delivered: " + Errno.name(errno)
                    + " (firmware command interface error)");
        };
    }

    /** UMEM_REG (mlx5ctl or the fwctl extension) failed. {@code memlockLimit} as from {@link Libc#memlockLimit()}. */
    public static ChannelException umemRegister(String node, Transport transport, long size, long memlockLimit, int errno) {
        return switch (errno) {
            case Errno.ENODEV -> gone(node);
            case Errno.ENOMEM -> new UmemLimitException(node + ": cannot pin " + size + " bytes of umem: the memlock limit ("
                    + describeLimit(memlockLimit) + ") is exhausted; raise it (ulimit -l, or LimitMEMLOCK= / limits.conf memlock)"
                    + " or close other umem");
            case Errno.EINVAL -> new RpcSizeException(Errno.EINVAL, node + ": umem of " + size + " bytes refused (EINVAL); "
                    + (transport == Transport.MLX5CTL ? "mlx5ctl takes 1 byte .. 64 MiB per registration" : "the fwctl umem extension refused it"));
            case Errno.EPERM -> transport == Transport.MLX5CTL ? mlx5ctlPermission(node, "MLX5CTL_IOCTL_UMEM_REG")
                    : new PermissionException(node + ": umem registration not permitted (EPERM)");
            default -> new ChannelException(errno, node + ": umem registration of " + size + " bytes failed: " + Errno.name(errno));
        };
    }

    public static ChannelException umemUnregister(String node, int id, int errno) {
        return switch (errno) {
            case Errno.ENODEV -> gone(node);
            case Errno.ENOENT -> new UnknownUmemException(node + ": the kernel has no umem with id " + id
                    + " (ENOENT); it was already unregistered or belongs to another handle");
            default -> new ChannelException(errno, node + ": unregistering umem " + id + " failed: " + Errno.name(errno));
        };
    }

    private static PermissionException mlx5ctlPermission(String node, String ioctl) {
        return new PermissionException(Errno.EPERM, node + ": " + ioctl + " not permitted (EPERM): every mlx5ctl ioctl needs"
                + " CAP_SYS_ADMIN; run as root or grant cap_sys_admin");
    }

    private static String describeLimit(long limit) {
        if (limit == Libc.RLIM_INFINITY) return "unlimited";
        if (limit < 0) return "unknown";
        return limit + " bytes = ulimit -l " + (limit / 1024);
    }
}
