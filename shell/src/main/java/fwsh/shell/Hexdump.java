package fwsh.shell;

/** The classic hexdump: offset, 16 bytes in hex (split 8+8), printable ASCII. */
final class Hexdump {
    private Hexdump() {
    }

    static String of(byte[] data) {
        if (data.length == 0) return "(0 bytes)\n";
        StringBuilder b = new StringBuilder();
        for (int off = 0; off < data.length; off += 16) {
            b.append(String.format("%08x  ", off));
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i == 8) b.append(' ');
                if (off + i < data.length) {
                    int v = data[off + i] & 0xff;
                    b.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16)).append(' ');
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    b.append("   ");
                }
            }
            b.append(" |").append(ascii).append("|\n");
        }
        return b.toString();
    }

    static String hex(byte[] data) {
        StringBuilder b = new StringBuilder(data.length * 2);
        for (byte x : data) b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        return b.toString();
    }
}
