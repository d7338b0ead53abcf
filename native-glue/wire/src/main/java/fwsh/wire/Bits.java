package fwsh.wire;

/**
 * Bit access in the PRM convention (the kernel's MLX5_SET/MLX5_GET): a struct is a sequence of
 * big-endian 32-bit dwords and bit offset 0 is the MSB of the first dword. A field of width w at
 * bit offset b occupies the w bits starting b bits from the start, counted MSB-first.
 *
 * <p>Fields may be 1-64 bits wide and may cross dword boundaries (64-bit counters do).
 * Callers check bounds; these methods assume {@code base + ceil((bitOffset+width)/8) <= buf.length}.
 */
public final class Bits {
    private Bits() {
    }

    /** Reads an unsigned field of 1-64 bits. */
    public static long get(byte[] buf, int base, int bitOffset, int width) {
        int first = base + (bitOffset >>> 3);
        int last = base + ((bitOffset + width - 1) >>> 3);
        // Accumulate whole bytes; at most 9 bytes for a 64-bit field at an odd offset.
        long acc = 0;
        int spanBits = (last - first + 1) * 8;
        if (spanBits <= 64) {
            for (int i = first; i <= last; i++) acc = (acc << 8) | (buf[i] & 0xff);
            int lowPad = spanBits - (bitOffset & 7) - width;
            acc >>>= lowPad;
            return width == 64 ? acc : acc & ((1L << width) - 1);
        }
        // 9-byte span: width 58..64 starting mid-byte.
        int lead = 8 - (bitOffset & 7);
        long hi = buf[first] & ((1 << lead) - 1);
        long rest = 0;
        for (int i = first + 1; i <= last; i++) rest = (rest << 8) | (buf[i] & 0xff);
        int restBits = width - lead;
        rest >>>= 64 - restBits;
        return (hi << restBits) | rest;
    }

    /** Writes the low {@code width} bits of {@code value}; other bits are preserved. */
    public static void set(byte[] buf, int base, int bitOffset, int width, long value) {
        int bit = bitOffset + width - 1; // the field's least significant bit, counted MSB-first
        long v = value;
        int remaining = width;
        while (remaining > 0) {
            int byteIndex = base + (bit >>> 3);
            int lsbInByte = 7 - (bit & 7);             // position of this bit counted from the byte's LSB
            int take = Math.min(remaining, 8 - lsbInByte);
            int mask = ((1 << take) - 1) << lsbInByte;
            buf[byteIndex] = (byte) ((buf[byteIndex] & ~mask) | (((int) v << lsbInByte) & mask));
            v >>>= take;
            remaining -= take;
            bit -= take;
        }
    }

    public static int u32(byte[] buf, int byteOffset) {
        return ((buf[byteOffset] & 0xff) << 24) | ((buf[byteOffset + 1] & 0xff) << 16)
                | ((buf[byteOffset + 2] & 0xff) << 8) | (buf[byteOffset + 3] & 0xff);
    }

    public static void putU32(byte[] buf, int byteOffset, int v) {
        buf[byteOffset] = (byte) (v >>> 24);
        buf[byteOffset + 1] = (byte) (v >>> 16);
        buf[byteOffset + 2] = (byte) (v >>> 8);
        buf[byteOffset + 3] = (byte) v;
    }

    public static long u64(byte[] buf, int byteOffset) {
        return ((long) u32(buf, byteOffset) << 32) | (u32(buf, byteOffset + 4) & 0xffffffffL);
    }

    public static void putU64(byte[] buf, int byteOffset, long v) {
        putU32(buf, byteOffset, (int) (v >>> 32));
        putU32(buf, byteOffset + 4, (int) v);
    }

    /** The PRM's "0x04[23:16]" notation as an ifc (MSB-first) bit offset: byte*8 + 31 - msb. */
    public static int prmOffset(int byteOffset, int msb) {
        return byteOffset * 8 + 31 - msb;
    }
}
