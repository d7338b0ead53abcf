package fwsh.emu;

import fwsh.wire.Bits;

import java.nio.charset.StandardCharsets;

/** Field access in the PRM's "byte[msb:lsb]" notation, relative to a base offset. */
final class Prm {
    private Prm() {
    }

    static long get(byte[] b, int base, int byteOff, int msb, int lsb) {
        return Bits.get(b, base, Bits.prmOffset(byteOff, msb), msb - lsb + 1);
    }

    static int geti(byte[] b, int base, int byteOff, int msb, int lsb) {
        return (int) get(b, base, byteOff, msb, lsb);
    }

    static void set(byte[] b, int base, int byteOff, int msb, int lsb, long v) {
        Bits.set(b, base, Bits.prmOffset(byteOff, msb), msb - lsb + 1, v);
    }

    static void u32(byte[] b, int off, long v) {
        Bits.putU32(b, off, (int) v);
    }

    static void u64(byte[] b, int off, long v) {
        Bits.putU64(b, off, v);
    }

    static long u64(byte[] b, int off) {
        return Bits.u64(b, off);
    }

    static long u32(byte[] b, int off) {
        return Bits.u32(b, off) & 0xffffffffL;
    }

    /** ASCII, NUL padded to {@code len} (truncated if longer). */
    static void ascii(byte[] b, int off, int len, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) b[off + i] = i < a.length ? a[i] : 0;
    }

    /** ASCII, space padded (SFF-8636 / CMIS module strings). */
    static void asciiSpace(byte[] b, int off, int len, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) b[off + i] = i < a.length ? a[i] : (byte) ' ';
    }
}
