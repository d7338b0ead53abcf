package fwsh.wire;

import java.util.Arrays;

/** An immutable, fully decoded value over its own copy of the bytes. */
final class DecodedValue extends AbstractValue {
    private final byte[] raw;
    private final int base;
    private final int bitBase;
    private final int limit;
    private final String member;
    private final Object[] values;

    static DecodedValue of(Layout layout, byte[] copy) {
        return new DecodedValue(layout, copy, 0, 0, copy.length, null);
    }

    DecodedValue(Layout layout, byte[] raw, int base, int bitBase, int limit, String member) {
        super(layout);
        this.raw = raw;
        this.base = base;
        this.bitBase = bitBase;
        this.limit = limit;
        this.member = member;
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
    boolean present(int i) {
        Field f = layout.fields().get(i);
        return !f.isReserved() && (member == null || f.name().equals(member));
    }

    @Override
    long readHalf(Field half) {
        return Decoding.readUint(raw, base, bitBase + half.bitOffset(), half.bitWidth());
    }

    @Override
    public byte[] bytes() {
        int start = base + (bitBase >>> 3);
        int len = bitBase == 0 && base == 0 ? limit : layout.sizeBytes();
        return Arrays.copyOfRange(raw, start, Math.min(raw.length, start + len));
    }
}
