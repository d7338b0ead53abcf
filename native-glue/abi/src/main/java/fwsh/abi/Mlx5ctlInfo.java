package fwsh.abi;

import com.sun.jna.Pointer;

/** struct mlx5ctl_info (16 bytes, V4), filled by MLX5CTL_IOCTL_INFO. */
public final class Mlx5ctlInfo {
    public static final int SIZE = 16;
    public static final int OFF_UCTX_UID = 0;
    public static final int OFF_RESERVED1 = 2;
    public static final int OFF_UCTX_CAP = 4;
    public static final int OFF_DEV_UCTX_CAP = 8;
    public static final int OFF_UCAP = 12;

    /**
     * The decoded answer. {@code ucap} is shown raw: the driver ORs capability numbers, not bit masks.
     */
    public record Values(int uctxUid, long uctxCap, long devUctxCap, long ucap) {
    }

    private Mlx5ctlInfo() {
    }

    public static Values read(Pointer p) {
        return new Values(p.getShort(OFF_UCTX_UID) & 0xffff,
                p.getInt(OFF_UCTX_CAP) & 0xffffffffL,
                p.getInt(OFF_DEV_UCTX_CAP) & 0xffffffffL,
                p.getInt(OFF_UCAP) & 0xffffffffL);
    }
}
