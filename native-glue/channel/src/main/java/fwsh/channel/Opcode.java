package fwsh.channel;

/** mlx5 command opcodes the engine itself uses (include/linux/mlx5/mlx5_ifc.h). The catalog has them all by name. */
public final class Opcode {
    public static final int CREATE_MKEY = 0x200;
    public static final int DESTROY_MKEY = 0x202;
    public static final int QUERY_HCA_CAP = 0x100;
    public static final int QUERY_ADAPTER = 0x101;
    public static final int SET_HCA_CAP = 0x109;
    public static final int QUERY_ISSI = 0x10a;
    public static final int SET_ISSI = 0x10b;
    public static final int QUERY_VPORT_COUNTER = 0x770;
    public static final int ALLOC_PD = 0x800;
    public static final int DEALLOC_PD = 0x801;
    public static final int ACCESS_REG = 0x805;
    public static final int NOP = 0x80d;
    public static final int QUERY_DIAGNOSTIC_PARAMS = 0x819;
    public static final int SET_DIAGNOSTIC_PARAMS = 0x820;
    public static final int QUERY_DIAGNOSTIC_COUNTERS = 0x821;
    public static final int QUERY_CONG_STATUS = 0x822;
    public static final int MODIFY_CONG_STATUS = 0x823;
    public static final int QUERY_CONG_PARAMS = 0x824;
    public static final int MODIFY_CONG_PARAMS = 0x825;
    public static final int QUERY_CONG_STATISTICS = 0x826;
    public static final int CREATE_UCTX = 0xa04;
    public static final int DESTROY_UCTX = 0xa06;
    public static final int CREATE_UMEM = 0xa08;
    public static final int DESTROY_UMEM = 0xa0a;
    public static final int ACCESS_REGISTER_USER = 0xb0c;

    /** ACCESS_REG op_mod: 0 = write, 1 = read (MLX5_ACCESS_REGISTER_IN_OP_MOD_*). */
    public static final int ACCESS_REG_OP_MOD_WRITE = 0;
    public static final int ACCESS_REG_OP_MOD_READ = 1;

    private Opcode() {
    }
}
