package fwsh.backend;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import fwsh.abi.FwctlInfo;
import fwsh.abi.FwctlInfoMlx5;
import fwsh.abi.FwctlRpc;
import fwsh.abi.FwctlRscDestroy;
import fwsh.abi.FwctlRscUmemReg;
import fwsh.abi.FwctlUapi;
import fwsh.abi.Libc;
import fwsh.abi.NativeBuffers;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.NotADeviceException;
import fwsh.channel.Scope;
import fwsh.channel.Transport;

/**
 * Mainline fwctl (/dev/fwctl/fwctlN, Linux 6.15+) for mlx5. The scope is passed through to the kernel,
 * which enforces the opcode filter and CAP_SYS_RAWIO for scope 3. Umem only where mstflint's out-of-tree
 * RSC extension answers the probe.
 */
public final class FwctlChannel extends KernelChannel {
    private final boolean rscUmem;

    private FwctlChannel(Libc libc, int fd, DeviceInfo info, boolean rscUmem) {
        super(libc, fd, info);
        this.rscUmem = rscUmem;
    }

    /** Opens the node, checks FWCTL_INFO says MLX5, reads the uid and probes the umem extension. */
    public static FwctlChannel open(Libc libc, NodeRef ref) {
        int fd;
        try {
            fd = libc.open(ref.node(), Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw KernelErrors.open(ref.node(), Transport.FWCTL, e.getErrorCode());
        }
        try {
            Info i = queryInfo(libc, fd, ref.node());
            if (i.type != FwctlUapi.FWCTL_DEVICE_TYPE_MLX5) {
                throw new NotADeviceException(0, ref.node() + " is a fwctl device of type "
                        + FwctlUapi.deviceTypeName(i.type) + ", not MLX5; fwsh only drives mlx5 devices");
            }
            boolean rsc = probeRscUmem(libc, fd, ref.node());
            DeviceInfo info = new DeviceInfo(ref.name(), Transport.FWCTL, Transport.FWCTL, ref.pci(), ref.node(),
                    i.type, i.uid, i.uctxCaps, ref.netdevs(), ref.rdma(), null);
            return new FwctlChannel(libc, fd, info, rsc);
        } catch (RuntimeException e) {
            closeQuietly(libc, fd);
            throw e;
        }
    }

    public static FwctlChannel open(Libc libc, String node) {
        return open(libc, NodeRef.of(node));
    }

    /** What FWCTL_INFO said: the device type and, for MLX5, the uid and uctx caps. */
    public record Info(int type, int uid, long uctxCaps) {
    }

    /** FWCTL_INFO on an open descriptor (discovery uses it for the type check). */
    public static Info queryInfo(Libc libc, int fd, String node) {
        try (NativeBuffers.Scratch mem = NativeBuffers.scratch(FwctlInfo.SIZE + FwctlInfoMlx5.SIZE)) {
            Pointer data = mem.share(FwctlInfo.SIZE, FwctlInfoMlx5.SIZE);
            FwctlInfo.write(mem, data, FwctlInfoMlx5.SIZE);
            libc.ioctl(fd, FwctlUapi.FWCTL_INFO, mem);
            int type = FwctlInfo.outDeviceType(mem);
            if (type != FwctlUapi.FWCTL_DEVICE_TYPE_MLX5) return new Info(type, 0, 0);
            return new Info(type, FwctlInfoMlx5.uid(data), FwctlInfoMlx5.uctxCaps(data));
        } catch (LastErrorException e) {
            throw KernelErrors.info(node, Transport.FWCTL, e.getErrorCode());
        }
    }

    /**
     * Is FWCTL_RSC_UMEM_REG there? Sent with size 0, below any struct size: a kernel that knows the ioctl
     * refuses it with EINVAL before doing anything; mainline answers ENOTTY.
     */
    static boolean probeRscUmem(Libc libc, int fd, String node) {
        try (NativeBuffers.Scratch mem = NativeBuffers.scratch(FwctlRscUmemReg.SIZE)) {
            libc.ioctl(fd, FwctlUapi.FWCTL_RSC_UMEM_REG, mem);
            return true; // accepted an empty struct: odd, but the ioctl exists
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case Errno.ENOTTY -> false;
                case Errno.ENODEV -> throw KernelErrors.gone(node);
                default -> true;
            };
        }
    }

    private static void closeQuietly(Libc libc, int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException ignored) {
            // The open failed its checks; the descriptor is released either way.
        }
    }

    @Override
    int maxRpcLen() {
        return FwctlUapi.MAX_RPC_LEN;
    }

    @Override
    void rpcIoctl(Pointer scratch, Scope scope, Pointer in, int inLen, Pointer out, int outLen) {
        FwctlRpc.write(scratch, scope.value, in, inLen, out, outLen);
        libc().ioctl(fd(), FwctlUapi.FWCTL_RPC, scratch);
    }

    @Override
    ChannelException rpcError(int opcode, int opMod, Scope scope, int inLen, int outLen, int errno) {
        return KernelErrors.fwctlRpc(node(), opcode, opMod, scope, inLen, outLen, errno);
    }

    @Override
    public boolean supportsUmem() {
        return rscUmem;
    }

    @Override
    String umemUnsupportedReason() {
        return "mainline fwctl has no umem (the FWCTL_RSC_UMEM_REG extension is not in this kernel);"
                + " use mlx5ctl or inline, chunked RPCs";
    }

    @Override
    long maxUmemBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    int[] umemRegisterIoctl(Pointer memory, long size) {
        try (NativeBuffers.Scratch s = NativeBuffers.scratch(FwctlRscUmemReg.SIZE)) {
            FwctlRscUmemReg.write(s, FwctlUapi.FWCTL_UMEM_FLAG_MKEY, memory, size);
            libc().ioctl(fd(), FwctlUapi.FWCTL_RSC_UMEM_REG, s);
            return new int[]{FwctlRscUmemReg.umemId(s), FwctlRscUmemReg.rscId(s), FwctlRscUmemReg.mkeyId(s)};
        }
    }

    @Override
    void umemUnregisterIoctl(int handle) {
        try (NativeBuffers.Scratch s = NativeBuffers.scratch(FwctlRscDestroy.SIZE)) {
            FwctlRscDestroy.write(s, handle);
            libc().ioctl(fd(), FwctlUapi.FWCTL_RSC_DESTROY, s);
        }
    }
}
