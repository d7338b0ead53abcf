package fwsh.abi;

import com.sun.jna.Pointer;

/** struct mlx5ctl_umem_reg (24 bytes, V4), the argument of MLX5CTL_IOCTL_UMEM_REG. */
public final class Mlx5ctlUmemReg {
    public static final int SIZE = 24;
    public static final int OFF_ADDR = 0;
    public static final int OFF_LEN = 8;
    public static final int OFF_UMEM_ID = 16;
    public static final int OFF_RESERVED = 20;

    private Mlx5ctlUmemReg() {
    }

    public static void write(Pointer p, Pointer addr, long len) {
        p.setLong(OFF_ADDR, Pointer.nativeValue(addr));
        p.setLong(OFF_LEN, len);
        p.setInt(OFF_UMEM_ID, 0);
        p.setInt(OFF_RESERVED, 0);
    }

    public static int umemId(Pointer p) {
        return p.getInt(OFF_UMEM_ID);
    }
}
