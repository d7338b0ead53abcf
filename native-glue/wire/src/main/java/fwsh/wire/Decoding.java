package fwsh.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads one field's value; shared by the eager and lazy values. */
final class Decoding {
    private Decoding() {
    }

    /**
     * @param base     byte index of the outermost value in {@code buf}
     * @param bitBase  bit offset of the layout that owns {@code f}, from {@code base}
     * @param limit    bytes available from {@code base} (bounds variable-length tails)
     */
    static Object read(Layout owner, Field f, byte[] buf, int base, int bitBase, int limit, boolean lazy) {
        int bit = bitBase + f.bitOffset();
        switch (f.kind()) {
            case UINT:
                return readUint(buf, base, bit, f.bitWidth());
            case BYTES: {
                int w = f.bitWidth();
                int n = (w + 7) >>> 3;
                byte[] out = new byte[n];
                if ((bit & 7) == 0 && (w & 7) == 0) System.arraycopy(buf, base + (bit >>> 3), out, 0, n);
                else for (int i = 0; i < n; i++) {
                    int here = Math.min(8, w - 8 * i); // a wide field that is not whole bytes ends in a partial byte
                    out[i] = (byte) (Bits.get(buf, base, bit + 8 * i, here) << (8 - here));
                }
                return out;
            }
            case STRUCT: {
                String member = selectedMember(owner, f, buf, base, bitBase);
                return lazy ? new LazyValue(f.layout(), buf, base, bit, limit, member)
                        : new DecodedValue(f.layout(), buf, base, bit, limit, member);
            }
            case ARRAY: {
                int n = f.count();
                // a variable tail fills the rest of the buffer; elements of width 0 (an empty struct) make none
                if (n == 0) n = f.elementBits() == 0 ? 0 : Math.max(0, (int) (((long) limit * 8 - bit) / f.elementBits()));
                Field el = f.element();
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int eb = bit + i * f.elementBits();
                    if (el.kind() == Field.Kind.UINT) out.add(readUint(buf, base, eb, el.bitWidth()));
                    // elements wider than 64 bits (u8 x[n][0x100]) are byte strings, not structs
                    else if (el.kind() == Field.Kind.BYTES) out.add(read(owner, el, buf, base, eb, limit, lazy));
                    else out.add(lazy ? new LazyValue(el.layout(), buf, base, eb, limit, null)
                            : new DecodedValue(el.layout(), buf, base, eb, limit, null));
                }
                return Collections.unmodifiableList(out);
            }
            default:
                return null;
        }
    }

    static long readUint(byte[] buf, int base, int bit, int width) {
        if ((bit & 31) == 0) {
            if (width == 32) return Bits.u32(buf, base + (bit >>> 3)) & 0xffffffffL;
            if (width == 64) return Bits.u64(buf, base + (bit >>> 3));
        }
        return Bits.get(buf, base, bit, width);
    }

    /** For a union field with a selector: the member the selector's value picks (null = show all members). */
    static String selectedMember(Layout owner, Field f, byte[] buf, int base, int bitBase) {
        if (f.selector() == null || !f.layout().isUnion()) return null;
        int si = owner.indexOf(f.selector());
        if (si < 0) return null;
        Field sel = owner.fields().get(si);
        if (sel.kind() != Field.Kind.UINT) return null;
        long v = readUint(buf, base, bitBase + sel.bitOffset(), sel.bitWidth());
        return f.selection().get(v);
    }
}
