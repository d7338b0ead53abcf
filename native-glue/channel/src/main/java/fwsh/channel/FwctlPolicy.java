package fwsh.channel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The mlx5 fwctl driver's opcode filter (drivers/fwctl/mlx5/main.c, mlx5ctl_validate_rpc): the
 * minimum scope each allowed opcode needs. Opcodes not listed are rejected with EBADMSG at any
 * scope. Used three ways: the DSL picks the minimum scope for each RPC, the emulator enforces it,
 * and the libc test double answers like the kernel.
 */
public final class FwctlPolicy {
    private static final Map<Integer, Scope> MIN_SCOPE = new HashMap<>();
    // Answers are shared: the check runs on every RPC and should not allocate.
    private static final Optional<Scope> AT_CONFIGURATION = Optional.of(Scope.CONFIGURATION);
    private static final Optional<Scope> AT_DEBUG_READ_ONLY = Optional.of(Scope.DEBUG_READ_ONLY);

    static {
        // Allowed at any scope (CONFIGURATION).
        for (int op : new int[]{
                0x100, // QUERY_HCA_CAP
                0x101, // QUERY_ADAPTER
                0x10e, // QUERY_OTHER_HCA_CAP
                0x109, // SET_HCA_CAP (FW limits it to other-function pre-configuration)
                0x740, // QUERY_ESW_FUNCTIONS
                0x760, // QUERY_ROCE_ADDRESS
                0x762, // QUERY_HCA_VPORT_CONTEXT
                0xb22, // QUERY_VUID
                0xb2e, // POSTPONE_CONNECTED_QP_TIMEOUT
                0x823, // MODIFY_CONG_STATUS
                0x731, // DELEGATE_VHCA_MANAGEMENT
        }) {
            MIN_SCOPE.put(op, Scope.CONFIGURATION);
        }
        // DEBUG_READ_ONLY: the query commands.
        for (int op : new int[]{
                0x80d, 0x10a, 0x10c, 0x107, 0x111, 0x117, 0x201, 0x203, 0x303, 0x402, 0x50b, 0x512, 0x602,
                0x702, 0x707, 0x713, 0x716, 0x719, 0x722, 0x725, 0x727, 0x728, 0x730, 0x732, 0x750, 0x752,
                0x754, 0x764, 0x765, 0x76f, 0x770, 0x773, 0x781, 0x784, 0x80b, 0x813, 0x819, 0x821, 0x822,
                0x824, 0x826, 0x82a, 0x831, 0x842, 0x903, 0x907, 0x90b, 0x90f, 0x911, 0x915, 0x919, 0x932,
                0x935, 0x937, 0x93b, 0x93f, 0x942, 0x962, 0x964, 0x971, 0x981, 0xa02, 0xa05, 0xa09, 0xb02,
                0xb03, 0xb05, 0xb07, 0xb08, 0xb0a, 0xb0d, 0xb0f, 0xb13, 0xb14, 0xb28, 0xb2a, 0xb2f, 0x8000,
                0x8001, 0x8006,
        }) {
            MIN_SCOPE.put(op, Scope.DEBUG_READ_ONLY);
        }
        // DEBUG_WRITE: taints the kernel.
        MIN_SCOPE.put(Opcode.SET_DIAGNOSTIC_PARAMS, Scope.DEBUG_WRITE);
    }

    private FwctlPolicy() {
    }

    /**
     * The minimum scope at which fwctl accepts this command, or empty when fwctl rejects it at every scope.
     * ACCESS_REG and ACCESS_REGISTER_USER depend on op_mod: writes (0) at CONFIGURATION, reads at DEBUG_READ_ONLY.
     */
    public static Optional<Scope> minScope(int opcode, int opMod) {
        if (opcode == Opcode.ACCESS_REG || opcode == Opcode.ACCESS_REGISTER_USER) {
            return opMod == Opcode.ACCESS_REG_OP_MOD_WRITE ? AT_CONFIGURATION : AT_DEBUG_READ_ONLY;
        }
        return Optional.ofNullable(MIN_SCOPE.get(opcode));
    }

    /** The kernel's check: is this opcode allowed when sent at {@code scope}? */
    public static boolean allows(int opcode, int opMod, Scope scope) {
        return minScope(opcode, opMod).map(scope::covers).orElse(false);
    }
}
