package fwsh.abi;

/**
 * Constants of include/uapi/fwctl/fwctl.h (mainline, Linux 6.15+) plus the out-of-tree resource commands
 * that mstflint's fwctl extension adds (RSC_DESTROY = 2, RSC_UMEM_REG = 3; not in mainline).
 * fwctl ioctls use _IO: no size or direction bits; the struct size travels in its first u32.
 */
public final class FwctlUapi {
    public static final int FWCTL_TYPE = 0x9A;
    public static final int FWCTL_CMD_INFO = 0;
    public static final int FWCTL_CMD_RPC = 1;
    public static final int FWCTL_CMD_RSC_DESTROY = 2;
    public static final int FWCTL_CMD_RSC_UMEM_REG = 3;

    public static final long FWCTL_INFO = Ioc.io(FWCTL_TYPE, FWCTL_CMD_INFO);
    public static final long FWCTL_RPC = Ioc.io(FWCTL_TYPE, FWCTL_CMD_RPC);
    public static final long FWCTL_RSC_DESTROY = Ioc.io(FWCTL_TYPE, FWCTL_CMD_RSC_DESTROY);
    public static final long FWCTL_RSC_UMEM_REG = Ioc.io(FWCTL_TYPE, FWCTL_CMD_RSC_UMEM_REG);

    /** enum fwctl_device_type. */
    public static final int FWCTL_DEVICE_TYPE_ERROR = 0;
    public static final int FWCTL_DEVICE_TYPE_MLX5 = 1;
    public static final int FWCTL_DEVICE_TYPE_CXL = 2;
    public static final int FWCTL_DEVICE_TYPE_BNXT = 3;
    public static final int FWCTL_DEVICE_TYPE_PDS = 4;

    /** MAX_RPC_LEN in drivers/fwctl/main.c: in_len and out_len above it get EMSGSIZE. */
    public static final int MAX_RPC_LEN = 2 * 1024 * 1024;

    /** enum fwctl_umem_flags (mstflint extension). */
    public static final long FWCTL_UMEM_FLAG_MKEY = 1L;
    public static final long FWCTL_UMEM_FLAG_MCDD = 1L << 1;

    private FwctlUapi() {
    }

    /** "MLX5", "CXL", ... or "unknown type N". */
    public static String deviceTypeName(int type) {
        return switch (type) {
            case FWCTL_DEVICE_TYPE_ERROR -> "ERROR";
            case FWCTL_DEVICE_TYPE_MLX5 -> "MLX5";
            case FWCTL_DEVICE_TYPE_CXL -> "CXL";
            case FWCTL_DEVICE_TYPE_BNXT -> "BNXT";
            case FWCTL_DEVICE_TYPE_PDS -> "PDS";
            default -> "unknown type " + type;
        };
    }
}
