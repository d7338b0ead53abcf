package fwsh.emu;

/** Firmware command statuses (MLX5_CMD_STAT_*, include/linux/mlx5/device.h). */
public final class FwStatus {
    public static final int OK = 0x00;
    public static final int INT_ERR = 0x01;
    public static final int BAD_OP = 0x02;
    public static final int BAD_PARAM = 0x03;
    public static final int BAD_SYS_STATE = 0x04;
    public static final int BAD_RES = 0x05;
    public static final int RES_BUSY = 0x06;
    public static final int LIM_ERR = 0x08;
    public static final int BAD_RES_STATE = 0x09;
    public static final int IX_ERR = 0x0a;
    public static final int NO_RES = 0x0f;
    public static final int BAD_INP_LEN = 0x50;
    public static final int BAD_OUTP_LEN = 0x51;

    private FwStatus() {
    }

    public static String name(int status) {
        return switch (status) {
            case OK -> "OK";
            case INT_ERR -> "internal error";
            case BAD_OP -> "bad operation";
            case BAD_PARAM -> "bad parameter";
            case BAD_SYS_STATE -> "bad system state";
            case BAD_RES -> "bad resource";
            case RES_BUSY -> "resource busy";
            case LIM_ERR -> "limits exceeded";
            case BAD_RES_STATE -> "bad resource state";
            case IX_ERR -> "bad index";
            case NO_RES -> "no resources";
            case BAD_INP_LEN -> "bad input length";
            case BAD_OUTP_LEN -> "bad output length";
            default -> "status 0x" + Integer.toHexString(status);
        };
    }
}
