package fwsh.replay;

/** Lower-case hex strings for mailbox bytes; decoding reports the first bad character. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String encode(byte[] b, int len) {
        char[] c = new char[len * 2];
        for (int i = 0; i < len; i++) {
            c[2 * i] = DIGITS[(b[i] >>> 4) & 0xf];
            c[2 * i + 1] = DIGITS[b[i] & 0xf];
        }
        return new String(c);
    }

    static String encode(byte[] b) {
        return encode(b, b.length);
    }

    /** {@code b} without its trailing zero bytes (the format's output compression). */
    static String encodeTrimmed(byte[] b) {
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) n--;
        return encode(b, n);
    }

    /** Decodes into a buffer of {@code len} bytes (zero-padded); {@code len < 0} means exactly the hex length. */
    static byte[] decode(String hex, int len) {
        if ((hex.length() & 1) != 0) throw new IllegalArgumentException("odd number of hex digits (" + hex.length() + ")");
        int n = hex.length() / 2;
        if (len >= 0 && n > len) throw new IllegalArgumentException(n + " bytes of hex but the length is " + len);
        byte[] out = new byte[len < 0 ? n : len];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
        }
        return out;
    }

    private static int digit(String s, int i) {
        int d = Character.digit(s.charAt(i), 16);
        if (d < 0) throw new IllegalArgumentException("'" + s.charAt(i) + "' at hex digit " + (i + 1) + " is not a hex digit");
        return d;
    }
}
