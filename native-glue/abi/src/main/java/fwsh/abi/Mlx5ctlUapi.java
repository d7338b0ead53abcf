package fwsh.abi;

/**
 * Constants of the mlx5ctl V4 UAPI (include/uapi/misc/mlx5ctl.h, proposed Feb 2024, never merged).
 * The ioctl numbers are computed from the struct sizes the way _IOR/_IOWR do.
 */
public final class Mlx5ctlUapi {
    public static final int MLX5CTL_IOCTL_MAGIC = 0x5c;

    public static final long MLX5CTL_IOCTL_INFO = Ioc.ior(MLX5CTL_IOCTL_MAGIC, 0x0, Mlx5ctlInfo.SIZE);
    public static final long MLX5CTL_IOCTL_CMDRPC = Ioc.iowr(MLX5CTL_IOCTL_MAGIC, 0x1, Mlx5ctlCmdrpc.SIZE);
    public static final long MLX5CTL_IOCTL_UMEM_REG = Ioc.iowr(MLX5CTL_IOCTL_MAGIC, 0x2, Mlx5ctlUmemReg.SIZE);
    public static final long MLX5CTL_IOCTL_UMEM_UNREG = Ioc.iowr(MLX5CTL_IOCTL_MAGIC, 0x3, Mlx5ctlUmemUnreg.SIZE);

    /** MLX5CTL_MAX_RPC_SIZE: 512 blocks of 512 bytes; larger inlen/outlen get EINVAL. */
    public static final int MLX5CTL_MAX_RPC_SIZE = 512 * 512;

    /** MLX5CTL_UMEM_MAX_MB: larger registrations get EINVAL. */
    public static final long MLX5CTL_UMEM_MAX_BYTES = 64L * 1024 * 1024;

    /** Node name prefix of the misc device: /dev/mlx5ctl-mlx5_core.ctl.N. */
    public static final String NODE_PREFIX = "mlx5ctl-";

    private Mlx5ctlUapi() {
    }
}
