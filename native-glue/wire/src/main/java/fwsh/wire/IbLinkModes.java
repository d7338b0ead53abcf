package fwsh.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * PTYS InfiniBand fields (proto_mask ib): ib_proto_* is a mask of lane speeds, ib_link_width_* a mask of widths.
 * Bit meanings and per-lane rates are the kernel's: enum mlx5_ptys_rate and mlx5_ptys_rate_enum_to_int in
 * drivers/net/ethernet/mellanox/mlx5/core/ipoib/ethtool.c (SDR bit 0 ... NDR bit 7, XDR bit 8), enum
 * mlx5_ptys_width in include/linux/mlx5/port.h (1x bit 0 ... 12x bit 4), which
 * drivers/infiniband/hw/mlx5/main.c (translate_active_width) maps to IB_WIDTH_*; the speed bits equal the IB
 * core's enum ib_port_speed, so the mlx5 IB driver reports ib_proto_oper as active_speed unchanged.
 * One table for the emulator's link model and the scripts' decode.
 */
public final class IbLinkModes {
    private static final String[] SPEED = {"SDR", "DDR", "QDR", "FDR10", "FDR", "EDR", "HDR", "NDR", "XDR"};
    /** Mb/s per lane, as mlx5_ptys_rate_enum_to_int (FDR10 and FDR rounded as the kernel does). */
    private static final long[] LANE_MBPS = {2_500, 5_000, 10_000, 10_000, 14_000, 25_000, 50_000, 100_000, 200_000};
    private static final int[] WIDTH = {1, 2, 4, 8, 12};

    private IbLinkModes() {
    }

    /** "NDR" for a single speed bit (the lowest set bit of {@code mask}); "bitN ?" for an unknown one; "" for 0. */
    public static String speedName(long mask) {
        if (mask == 0) return "";
        int b = Long.numberOfTrailingZeros(mask);
        return b < SPEED.length ? SPEED[b] : "bit" + b + " ?";
    }

    /** Lanes of a single width bit (lowest set bit), 0 for none or an unknown bit. */
    public static int lanes(long widthMask) {
        if (widthMask == 0) return 0;
        int b = Long.numberOfTrailingZeros(widthMask);
        return b < WIDTH.length ? WIDTH[b] : 0;
    }

    /** Per-lane Mb/s of a single speed bit (lowest set bit), 0 for none or an unknown bit. */
    public static long laneMbps(long speedMask) {
        if (speedMask == 0) return 0;
        int b = Long.numberOfTrailingZeros(speedMask);
        return b < LANE_MBPS.length ? LANE_MBPS[b] : 0;
    }

    /** Link rate of one speed bit at one width bit, in Mb/s (0 when either is missing or unknown). */
    public static long mbps(long speedBit, long widthBit) {
        return laneMbps(speedBit) * lanes(widthBit);
    }

    /** The fastest known speed bit in a mask (0 if none). */
    public static long fastestSpeed(long mask) {
        long best = 0;
        for (int b = 0; b < SPEED.length; b++) {
            if ((mask >>> b & 1) != 0 && (best == 0 || LANE_MBPS[b] >= laneMbps(best))) best = 1L << b;
        }
        return best;
    }

    /** The widest known width bit in a mask (0 if none). */
    public static long widest(long mask) {
        long best = 0;
        for (int b = 0; b < WIDTH.length; b++) if ((mask >>> b & 1) != 0) best = 1L << b;
        return best;
    }

    /** Every speed in a mask, slowest first ("SDR", "QDR", ...). */
    public static List<String> speeds(long mask) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 32; b++) if ((mask >>> b & 1) != 0) out.add(b < SPEED.length ? SPEED[b] : "bit" + b + " ?");
        return out;
    }

    /** Every width in a mask, narrowest first ("1x", "4x", ...). */
    public static List<String> widths(long mask) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 32; b++) if ((mask >>> b & 1) != 0) out.add(b < WIDTH.length ? WIDTH[b] + "x" : "bit" + b + " ?");
        return out;
    }

    /** Whether every bit of both masks is a known speed or width. */
    public static boolean known(long speedMask, long widthMask) {
        return (speedMask >>> SPEED.length) == 0 && (widthMask >>> WIDTH.length) == 0;
    }

    /** "NDR 4x (400 Gb/s)" for an oper pair; "no link" when either is 0. */
    public static String describe(long speedBit, long widthBit) {
        if (speedBit == 0 || widthBit == 0) return "no link";
        long mbps = mbps(speedBit, widthBit);
        String rate = mbps == 0 ? "? Gb/s" : (mbps % 1000 == 0 ? Long.toString(mbps / 1000) : Double.toString(mbps / 1000.0)) + " Gb/s";
        String w = lanes(widthBit) == 0 ? "bit" + Long.numberOfTrailingZeros(widthBit) + " ?" : lanes(widthBit) + "x";
        return speedName(speedBit) + " " + w + " (" + rate + ")";
    }
}
