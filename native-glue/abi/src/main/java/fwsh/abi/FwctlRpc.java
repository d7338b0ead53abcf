package fwsh.abi;

import com.sun.jna.Pointer;

/** struct fwctl_rpc (32 bytes), the argument of FWCTL_RPC. */
public final class FwctlRpc {
    public static final int SIZE = 32;
    public static final int OFF_SIZE = 0;
    public static final int OFF_SCOPE = 4;
    public static final int OFF_IN_LEN = 8;
    public static final int OFF_OUT_LEN = 12;
    public static final int OFF_IN = 16;
    public static final int OFF_OUT = 24;

    private FwctlRpc() {
    }

    public static void write(Pointer p, int scope, Pointer in, int inLen, Pointer out, int outLen) {
        p.setInt(OFF_SIZE, SIZE);
        p.setInt(OFF_SCOPE, scope);
        p.setInt(OFF_IN_LEN, inLen);
        p.setInt(OFF_OUT_LEN, outLen);
        p.setLong(OFF_IN, Pointer.nativeValue(in));
        p.setLong(OFF_OUT, Pointer.nativeValue(out));
    }

    /** After the call: the response length the driver reported. */
    public static int outLen(Pointer p) {
        return p.getInt(OFF_OUT_LEN);
    }
}
