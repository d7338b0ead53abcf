package fwsh.wire;

import java.util.Arrays;

/** An immutable, fully decoded value over its own copy of the bytes. */
final class DecodedValue extends AbstractValue {
    private final Object[] values;

    static DecodedValue of(Layout layout, byte[] copy) {
        return new DecodedValue(layout, copy, 0, 0, copy.length, null);
    }

    DecodedValue(Layout layout, byte[] raw, int base, int bitBase, int limit, String member) {
        super(layout, raw, base, bitBase, limit, member);
        this.values = new Object[layout.fields().size()];
        for (int i = 0; i < values.length; i++)
            if (present(i)) values[i] = Decoding.read(layout, layout.fields().get(i), raw, base, bitBase, limit, false);
    }

    @Override
    Object valueAt(int i) {
        Object v = values[i];
        return v instanceof byte[] ? ((byte[]) v).clone() : v;
    }

    @Override
    public byte[] bytes() {
        int start = base + (bitBase >>> 3);
        int len = bitBase == 0 && base == 0 ? limit : layout.sizeBytes();
        return Arrays.copyOfRange(buf, start, Math.min(buf.length, start + len));
    }
}
