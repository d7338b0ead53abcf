package fwsh.abi;

import com.sun.jna.Pointer;

/** struct mlx5ctl_umem_unreg (8 bytes, V4), the argument of MLX5CTL_IOCTL_UMEM_UNREG. */
public final class Mlx5ctlUmemUnreg {
    public static final int SIZE = 8;
    public static final int OFF_UMEM_ID = 0;
    public static final int OFF_RESERVED = 4;

    private Mlx5ctlUmemUnreg() {
    }

    public static void write(Pointer p, int umemId) {
        p.setInt(OFF_UMEM_ID, umemId);
        p.setInt(OFF_RESERVED, 0);
    }
}
