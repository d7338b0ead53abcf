package fwsh.dsl.engine;

/** Classic hexdump lines: offset, 16 bytes in hex, ASCII. */
public final class Hexdump {
    private Hexdump() {
    }

    public static String of(byte[] data, int offset, int length) {
        StringBuilder sb = new StringBuilder();
        int end = Math.min(data.length, offset + length);
        for (int line = offset; line < end; line += 16) {
            sb.append(String.format("%08x  ", line - offset));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (line + i < end) {
                    int b = data[line + i] & 0xff;
                    sb.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
                if (i == 7) sb.append(' ');
            }
            sb.append(" |").append(ascii).append("|\n");
        }
        return sb.toString();
    }

    public static String of(byte[] data) {
        return data.length == 0 ? "(0 bytes)\n" : of(data, 0, data.length);
    }

    /** Bytes as one run of hex digits, for table cells and JSON. */
    public static String hex(byte[] data) {
        StringBuilder b = new StringBuilder(data.length * 2);
        for (byte x : data) b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        return b.toString();
    }
}
