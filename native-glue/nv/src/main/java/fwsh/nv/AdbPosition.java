package fwsh.nv;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mstflint's {@code 0xBYTE.BIT} offsets and sizes, as MSB-first bit positions (the kernel's MLX5_SET convention).
 * In the ADB the bit part counts from the LSB of the dword at BYTE, so {@code 0x4.16} with 16 bits is dword 1, bits
 * 31:16 — MSB-first offset 32. Arrays, strings and byte fields start at BYTE itself (mlxconfig ignores the bit part
 * for them), elements following in big-endian order. Fields of 32 bits or more start at BYTE (mlxconfig's formula
 * would put a 64-bit field 32 bits early).
 */
public final class AdbPosition {
    private AdbPosition() {
    }

    /** Bits in a {@code 0xBYTES.BITS} size. */
    public static int bits(String size) {
        String[] p = split(size, "size");
        return number(p[0], size) * 8 + (p[1].isEmpty() ? 0 : Integer.parseInt(p[1]));
    }

    /** The MSB-first bit offset of a field of {@code sizeBits} at an ADB offset. */
    public static int msbFirst(String offset, int sizeBits, boolean array) {
        String[] p = split(offset, "offset");
        int bytes = number(p[0], offset);
        int lsbBit = p[1].isEmpty() ? 0 : Integer.parseInt(p[1]);
        if (array || sizeBits >= 32) return bytes * 8;
        int le = bytes * 8 + lsbBit;
        return 32 - (le % 32) - sizeBits + ((le >>> 5) << 5);
    }

    /** Compiled once: the built-in definitions alone hold a few thousand positions, read at start-up. */
    private static final Pattern POSITION = Pattern.compile("(0[xX][0-9a-fA-F]+|\\d+)(?:\\.(\\d+))?");

    private static String[] split(String text, String what) {
        Matcher m = POSITION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) throw new NvException("bad ADB " + what + " '" + text + "'; expected 0xBYTE.BIT such as 0x4.16");
        return new String[]{m.group(1), m.group(2) == null ? "" : m.group(2)};
    }

    private static int number(String s, String whole) {
        return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
    }
}
