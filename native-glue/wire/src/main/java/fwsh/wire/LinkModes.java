package fwsh.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * PTYS Ethernet protocol bits, their names and speeds (OFED port.h mlx5e_link_mode for eth_proto_*,
 * mlx5e_ext_link_mode for ext_eth_proto_*). One table for the emulator's link model and the scripts' decode.
 */
public final class LinkModes {
    private static final String[] LEGACY_NAME = new String[32];
    private static final String[] EXT_NAME = new String[32];
    private static final long[] LEGACY_MBPS = new long[32];
    private static final long[] EXT_MBPS = new long[32];

    static {
        legacy(1, "1000BASE_KX", 1000);
        legacy(4, "10GBASE_KR", 10_000);
        legacy(6, "40GBASE_CR4", 40_000);
        legacy(7, "40GBASE_KR4", 40_000);
        legacy(12, "10GBASE_CR", 10_000);
        legacy(13, "10GBASE_SR", 10_000);
        legacy(20, "100GBASE_CR4", 100_000);
        legacy(21, "100GBASE_SR4", 100_000);
        legacy(22, "100GBASE_KR4", 100_000);
        legacy(23, "100GBASE_LR4", 100_000);
        legacy(27, "25GBASE_CR", 25_000);
        legacy(28, "25GBASE_KR", 25_000);
        legacy(29, "25GBASE_SR", 25_000);
        legacy(30, "50GBASE_CR2", 50_000);
        legacy(31, "50GBASE_KR2", 50_000);
        ext(6, "25GAUI_1", 25_000);
        ext(7, "50GAUI_2", 50_000);
        ext(8, "50GAUI_1", 50_000);
        ext(9, "CAUI_4", 100_000);
        ext(10, "100GAUI_2", 100_000);
        ext(11, "100GAUI_1", 100_000);
        ext(12, "200GAUI_4", 200_000);
        ext(13, "200GAUI_2", 200_000);
        ext(14, "200GAUI_1", 200_000);
        ext(15, "400GAUI_8", 400_000);
        ext(16, "400GAUI_4", 400_000);
        ext(17, "400GAUI_2", 400_000);
        ext(19, "800GAUI_8", 800_000);
        ext(20, "800GAUI_4", 800_000);
    }

    private static void legacy(int bit, String name, long mbps) {
        LEGACY_NAME[bit] = name;
        LEGACY_MBPS[bit] = mbps;
    }

    private static void ext(int bit, String name, long mbps) {
        EXT_NAME[bit] = name;
        EXT_MBPS[bit] = mbps;
    }

    private LinkModes() {
    }

    /** "100GAUI_2 100G" for each set bit, extended modes first; an unknown bit reads "bitN ?". */
    public static List<String> names(long legacy, long ext) {
        List<String> out = new ArrayList<>();
        add(out, ext, EXT_NAME, EXT_MBPS);
        add(out, legacy, LEGACY_NAME, LEGACY_MBPS);
        return out;
    }

    /** The mode names of each set bit ("100GAUI_2"), extended modes first; an unknown bit reads "bitN". */
    public static List<String> modes(long legacy, long ext) {
        List<String> out = new ArrayList<>();
        for (String n : names(legacy, ext)) out.add(n.substring(0, n.indexOf(' ')));
        return out;
    }

    /** "100G", "2.5G"; "" for 0. */
    public static String rate(long mbps) {
        if (mbps == 0) return "";
        return (mbps % 1000 == 0 ? Long.toString(mbps / 1000) : Double.toString(mbps / 1000.0)) + "G";
    }

    private static void add(List<String> out, long mask, String[] names, long[] mbps) {
        for (int b = 0; b < 32; b++) {
            if ((mask >>> b & 1) == 0) continue;
            out.add(names[b] == null ? "bit" + b + " ?" : names[b] + " " + mbps[b] / 1000 + "G");
        }
    }

    public static long fastestMbps(long legacy, long ext) {
        long best = 0;
        for (int b = 0; b < 32; b++) {
            if ((legacy >>> b & 1) != 0) best = Math.max(best, LEGACY_MBPS[b]);
            if ((ext >>> b & 1) != 0) best = Math.max(best, EXT_MBPS[b]);
        }
        return best;
    }

    /** The single oper bit for the fastest mode; extended modes win ties. */
    public static long fastestBit(long legacy, long ext, boolean wantExt) {
        long best = fastestMbps(legacy, ext);
        for (int b = 31; b >= 0; b--) {
            if ((ext >>> b & 1) != 0 && EXT_MBPS[b] == best) return wantExt ? 1L << b : 0;
        }
        for (int b = 31; b >= 0; b--) {
            if ((legacy >>> b & 1) != 0 && LEGACY_MBPS[b] == best) return wantExt ? 0 : 1L << b;
        }
        return 0;
    }

    public static boolean known(long legacy, long ext) {
        for (int b = 0; b < 32; b++) {
            if ((legacy >>> b & 1) != 0 && LEGACY_MBPS[b] == 0) return false;
            if ((ext >>> b & 1) != 0 && EXT_MBPS[b] == 0) return false;
        }
        return true;
    }
}
