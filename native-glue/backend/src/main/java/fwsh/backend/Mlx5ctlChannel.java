package fwsh.backend;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import fwsh.abi.Libc;
import fwsh.abi.Mlx5ctlCmdrpc;
import fwsh.abi.Mlx5ctlInfo;
import fwsh.abi.Mlx5ctlUapi;
import fwsh.abi.Mlx5ctlUmemReg;
import fwsh.abi.Mlx5ctlUmemUnreg;
import fwsh.abi.NativeBuffers;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Scope;
import fwsh.channel.Transport;

/**
 * The mlx5ctl misc device, V4 UAPI (/dev/mlx5ctl-mlx5_core.ctl.N; proposed, never merged). It has no
 * scopes (the argument is ignored; the kernel does not filter opcodes) and every ioctl needs CAP_SYS_ADMIN.
 * It is the only kernel interface with umem.
 */
public final class Mlx5ctlChannel extends KernelChannel {
    private final Mlx5ctlInfo.Values mlx5ctlInfo;

    private Mlx5ctlChannel(Libc libc, int fd, DeviceInfo info, Mlx5ctlInfo.Values mlx5ctlInfo) {
        super(libc, fd, info);
        this.mlx5ctlInfo = mlx5ctlInfo;
    }

    /** Opens the node and reads MLX5CTL_IOCTL_INFO. */
    public static Mlx5ctlChannel open(Libc libc, NodeRef ref) {
        int fd;
        try {
            fd = libc.open(ref.node(), Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw KernelErrors.open(ref.node(), Transport.MLX5CTL, e.getErrorCode());
        }
        try {
            Mlx5ctlInfo.Values v = queryInfo(libc, fd, ref.node());
            DeviceInfo info = new DeviceInfo(ref.name(), Transport.MLX5CTL, Transport.MLX5CTL, ref.pci(), ref.node(),
                    0, v.uctxUid(), v.uctxCap(), ref.netdevs(), ref.rdma(), null);
            return new Mlx5ctlChannel(libc, fd, info, v);
        } catch (RuntimeException e) {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // The descriptor is released either way.
            }
            throw e;
        }
    }

    public static Mlx5ctlChannel open(Libc libc, String node) {
        return open(libc, NodeRef.of(node));
    }

    /** MLX5CTL_IOCTL_INFO on an open descriptor. */
    public static Mlx5ctlInfo.Values queryInfo(Libc libc, int fd, String node) {
        try (NativeBuffers.Scratch mem = NativeBuffers.scratch(Mlx5ctlInfo.SIZE)) {
            libc.ioctl(fd, Mlx5ctlUapi.MLX5CTL_IOCTL_INFO, mem);
            return Mlx5ctlInfo.read(mem);
        } catch (LastErrorException e) {
            throw KernelErrors.info(node, Transport.MLX5CTL, e.getErrorCode());
        }
    }

    /** Everything MLX5CTL_IOCTL_INFO returned (device uctx caps and the raw ucap too). */
    public Mlx5ctlInfo.Values mlx5ctlInfo() {
        return mlx5ctlInfo;
    }

    @Override
    int maxRpcLen() {
        return Mlx5ctlUapi.MLX5CTL_MAX_RPC_SIZE;
    }

    @Override
    void rpcIoctl(Pointer scratch, Scope scope, Pointer in, int inLen, Pointer out, int outLen) {
        Mlx5ctlCmdrpc.write(scratch, in, inLen, out, outLen);
        libc().ioctl(fd(), Mlx5ctlUapi.MLX5CTL_IOCTL_CMDRPC, scratch);
    }

    @Override
    ChannelException rpcError(int opcode, int opMod, Scope scope, int inLen, int outLen, int errno) {
        return KernelErrors.mlx5ctlRpc(node(), opcode, opMod, inLen, outLen, errno);
    }

    @Override
    public boolean supportsUmem() {
        return true;
    }

    @Override
    long maxUmemBytes() {
        return Mlx5ctlUapi.MLX5CTL_UMEM_MAX_BYTES;
    }

    @Override
    int[] umemRegisterIoctl(Pointer memory, long size) {
        try (NativeBuffers.Scratch s = NativeBuffers.scratch(Mlx5ctlUmemReg.SIZE)) {
            Mlx5ctlUmemReg.write(s, memory, size);
            libc().ioctl(fd(), Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_REG, s);
            int id = Mlx5ctlUmemReg.umemId(s);
            return new int[]{id, id, -1};
        }
    }

    @Override
    void umemUnregisterIoctl(int handle) {
        try (NativeBuffers.Scratch s = NativeBuffers.scratch(Mlx5ctlUmemUnreg.SIZE)) {
            Mlx5ctlUmemUnreg.write(s, handle);
            libc().ioctl(fd(), Mlx5ctlUapi.MLX5CTL_IOCTL_UMEM_UNREG, s);
        }
    }
}
