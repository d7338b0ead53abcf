package fwsh.abi;

import com.sun.jna.Pointer;

/**
 * struct fwctl_rsc_umem_reg (48 bytes) of mstflint's out-of-tree fwctl extension (FWCTL_RSC_UMEM_REG).
 * Mainline fwctl has no such ioctl; the backend probes for it and treats ENOTTY as "not available".
 */
public final class FwctlRscUmemReg {
    public static final int SIZE = 48;
    public static final int OFF_SIZE = 0;
    public static final int OFF_FLAGS = 8;
    public static final int OFF_ADDR = 16;
    public static final int OFF_LEN = 24;
    public static final int OFF_UMEM_ID = 32;
    public static final int OFF_MKEY_ID = 36;
    public static final int OFF_RSC_ID = 40;

    private FwctlRscUmemReg() {
    }

    public static void write(Pointer p, long flags, Pointer addr, long len) {
        p.setMemory(0, SIZE, (byte) 0);
        p.setInt(OFF_SIZE, SIZE);
        p.setLong(OFF_FLAGS, flags);
        p.setLong(OFF_ADDR, Pointer.nativeValue(addr));
        p.setLong(OFF_LEN, len);
    }

    public static int umemId(Pointer p) {
        return p.getInt(OFF_UMEM_ID);
    }

    public static int mkeyId(Pointer p) {
        return p.getInt(OFF_MKEY_ID);
    }

    public static int rscId(Pointer p) {
        return p.getInt(OFF_RSC_ID);
    }
}
