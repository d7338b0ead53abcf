package fwsh.abi;

import com.sun.jna.Pointer;

/** struct fwctl_rsc_destroy (24 bytes) of mstflint's out-of-tree fwctl extension (FWCTL_RSC_DESTROY). */
public final class FwctlRscDestroy {
    public static final int SIZE = 24;
    public static final int OFF_SIZE = 0;
    public static final int OFF_FLAGS = 8;
    public static final int OFF_TYPE = 16;
    public static final int OFF_RSC_ID = 20;

    private FwctlRscDestroy() {
    }

    /** flags and type stay 0, as mstflint sends them. */
    public static void write(Pointer p, int rscId) {
        p.setMemory(0, SIZE, (byte) 0);
        p.setInt(OFF_SIZE, SIZE);
        p.setInt(OFF_RSC_ID, rscId);
    }
}
