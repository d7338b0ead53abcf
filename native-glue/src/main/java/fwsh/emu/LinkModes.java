package fwsh.emu;

/** PTYS protocol bits and their speeds (OFED port.h mlx5e_link_mode / mlx5e_ext_link_mode). */
final class LinkModes {
    private static final long[] LEGACY_MBPS = new long[32];
    private static final long[] EXT_MBPS = new long[32];

    static {
        LEGACY_MBPS[1] = 1000;
        LEGACY_MBPS[4] = 10_000;
        LEGACY_MBPS[6] = 40_000;
        LEGACY_MBPS[7] = 40_000;
        LEGACY_MBPS[12] = 10_000;
        LEGACY_MBPS[13] = 10_000;
        for (int b = 20; b <= 23; b++) LEGACY_MBPS[b] = 100_000;
        for (int b = 27; b <= 29; b++) LEGACY_MBPS[b] = 25_000;
        LEGACY_MBPS[30] = 50_000;
        LEGACY_MBPS[31] = 50_000;
        EXT_MBPS[6] = 25_000;
        EXT_MBPS[7] = 50_000;
        EXT_MBPS[8] = 50_000;
        for (int b = 9; b <= 11; b++) EXT_MBPS[b] = 100_000;
        for (int b = 12; b <= 14; b++) EXT_MBPS[b] = 200_000;
        for (int b = 15; b <= 17; b++) EXT_MBPS[b] = 400_000;
        EXT_MBPS[19] = 800_000;
        EXT_MBPS[20] = 800_000;
    }

    private LinkModes() {
    }

    static long fastestMbps(long legacy, long ext) {
        long best = 0;
        for (int b = 0; b < 32; b++) {
            if ((legacy >>> b & 1) != 0) best = Math.max(best, LEGACY_MBPS[b]);
            if ((ext >>> b & 1) != 0) best = Math.max(best, EXT_MBPS[b]);
        }
        return best;
    }

    /** The single oper bit for the fastest mode; extended modes win ties. */
    static long fastestBit(long legacy, long ext, boolean wantExt) {
        long best = fastestMbps(legacy, ext);
        for (int b = 31; b >= 0; b--) {
            if ((ext >>> b & 1) != 0 && EXT_MBPS[b] == best) return wantExt ? 1L << b : 0;
        }
        for (int b = 31; b >= 0; b--) {
            if ((legacy >>> b & 1) != 0 && LEGACY_MBPS[b] == best) return wantExt ? 0 : 1L << b;
        }
        return 0;
    }

    static boolean known(long legacy, long ext) {
        for (int b = 0; b < 32; b++) {
            if ((legacy >>> b & 1) != 0 && LEGACY_MBPS[b] == 0) return false;
            if ((ext >>> b & 1) != 0 && EXT_MBPS[b] == 0) return false;
        }
        return true;
    }
}
