package fwsh.channel;

/**
 * The generic 16-byte command mailbox headers (mbox_in_hdr / mbox_out_hdr), big-endian.
 * in: opcode 0x00[31:16], uid 0x00[15:0], op_mod 0x04[15:0]. out: status 0x00[31:24], syndrome 0x04.
 */
public final class Mailbox {
    public static final int HEADER_BYTES = 16;

    private Mailbox() {
    }

    public static int opcode(byte[] in) {
        return u16(in, 0);
    }

    public static int uid(byte[] in) {
        return u16(in, 2);
    }

    public static int opMod(byte[] in) {
        return u16(in, 6);
    }

    public static void setOpcode(byte[] in, int opcode) {
        putU16(in, 0, opcode);
    }

    public static void setUid(byte[] in, int uid) {
        putU16(in, 2, uid);
    }

    public static void setOpMod(byte[] in, int opMod) {
        putU16(in, 6, opMod);
    }

    public static int status(byte[] out) {
        return out[0] & 0xff;
    }

    public static long syndrome(byte[] out) {
        return u32(out, 4);
    }

    public static void setStatus(byte[] out, int status, long syndrome) {
        out[0] = (byte) status;
        putU32(out, 4, syndrome);
    }

    /** A fresh input mailbox of {@code len} bytes with opcode and op_mod set. */
    public static byte[] newInput(int len, int opcode, int opMod) {
        byte[] in = new byte[Math.max(len, HEADER_BYTES)];
        setOpcode(in, opcode);
        setOpMod(in, opMod);
        return in;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
