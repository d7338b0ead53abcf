package fwsh.abi;

import com.sun.jna.Pointer;

/** struct mlx5ctl_cmdrpc (24 bytes, V4), the argument of MLX5CTL_IOCTL_CMDRPC. */
public final class Mlx5ctlCmdrpc {
    public static final int SIZE = 24;
    public static final int OFF_IN = 0;
    public static final int OFF_OUT = 8;
    public static final int OFF_INLEN = 16;
    public static final int OFF_OUTLEN = 20;

    private Mlx5ctlCmdrpc() {
    }

    public static void write(Pointer p, Pointer in, int inLen, Pointer out, int outLen) {
        p.setLong(OFF_IN, Pointer.nativeValue(in));
        p.setLong(OFF_OUT, Pointer.nativeValue(out));
        p.setInt(OFF_INLEN, inLen);
        p.setInt(OFF_OUTLEN, outLen);
    }
}
