package fwsh.trace;

import fwsh.wire.Bits;

/**
 * The fields of an MTRC_CAP (0x9040) register read that tracing needs, decoded from the register bytes.
 * Offsets from the kernel's mlx5_ifc.h mtrc_cap / mtrc_string_db_param.
 */
public record MtrcCap(boolean traceOwner, boolean traceToMemory, int trcVer, int numStringDb,
                      int firstStringTrace, int numStringTrace, int logMaxTraceBufferSize,
                      long[] stringDbBase, int[] stringDbSize) {

    /** Register size in the ifc (the ADB says 0x84; only the first 0x50 bytes carry fields). */
    public static final int SIZE = 0x80;
    public static final int MAX_STRING_DB = 8;

    /** Decodes MTRC_CAP register data (at least 0x50 bytes: the header and 8 string_db_param entries). */
    public static MtrcCap parse(byte[] reg) {
        if (reg == null || reg.length < 0x50) {
            throw new TraceException("MTRC_CAP data is " + (reg == null ? "missing" : reg.length + " bytes")
                    + "; need at least 0x50 bytes (header and 8 string_db_param entries)");
        }
        boolean owner = Bits.get(reg, 0, Bits.prmOffset(0x00, 31), 1) != 0;
        boolean toMemory = Bits.get(reg, 0, Bits.prmOffset(0x00, 30), 1) != 0;
        int trcVer = (int) Bits.get(reg, 0, Bits.prmOffset(0x00, 25), 2);
        int numDb = (int) Bits.get(reg, 0, Bits.prmOffset(0x00, 3), 4);
        int first = (int) Bits.get(reg, 0, Bits.prmOffset(0x04, 31), 8);
        int num = (int) Bits.get(reg, 0, Bits.prmOffset(0x04, 23), 8);
        int logMax = (int) Bits.get(reg, 0, Bits.prmOffset(0x08, 7), 8);
        if (numDb > MAX_STRING_DB) {
            throw new TraceException("MTRC_CAP num_string_db " + numDb + " exceeds the maximum of " + MAX_STRING_DB);
        }
        long[] base = new long[numDb];
        int[] size = new int[numDb];
        for (int i = 0; i < numDb; i++) {
            int p = 0x10 + 8 * i;
            base[i] = Bits.u32(reg, p) & 0xFFFFFFFFL;
            size[i] = (int) Bits.get(reg, 0, Bits.prmOffset(p + 4, 23), 24);
        }
        return new MtrcCap(owner, toMemory, trcVer, numDb, first, num, logMax, base, size);
    }
}
