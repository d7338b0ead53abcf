package fwsh.abi;

import com.sun.jna.Pointer;

/** struct fwctl_info_mlx5 (8 bytes, include/uapi/fwctl/mlx5.h): the device data FWCTL_INFO returns for mlx5. */
public final class FwctlInfoMlx5 {
    public static final int SIZE = 8;
    public static final int OFF_UID = 0;
    public static final int OFF_UCTX_CAPS = 4;

    private FwctlInfoMlx5() {
    }

    public static int uid(Pointer p) {
        return p.getInt(OFF_UID);
    }

    /** Unsigned. */
    public static long uctxCaps(Pointer p) {
        return p.getInt(OFF_UCTX_CAPS) & 0xffffffffL;
    }
}
