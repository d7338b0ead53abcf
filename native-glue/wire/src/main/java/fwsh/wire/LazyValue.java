package fwsh.wire;

import java.util.Arrays;

/**
 * A live view over a caller's buffer: nothing is decoded until a field is read, and numeric reads
 * go straight to a precomputed offset (the resolved path is cached in the layout).
 */
final class LazyValue extends AbstractValue {
    LazyValue(Layout layout, byte[] buf, int base) {
        this(layout, buf, base, 0, buf.length - base, null);
    }

    LazyValue(Layout layout, byte[] buf, int base, int bitBase, int limit, String member) {
        super(layout, buf, base, bitBase, limit, member);
    }

    @Override
    public Object get(String path) {
        if (bitBase == 0) {
            Field f = fastField(path);
            if (f != null) return f.get(buf, base);
        }
        return super.get(path);
    }

    @Override
    public long getLong(String path) {
        if (bitBase == 0) {
            Field f = fastField(path);
            if (f != null) return f.get(buf, base);
        }
        return super.getLong(path);
    }

    private Field fastField(String path) {
        if (member != null) return null;
        try {
            Field f = layout.field(path, buf, base);
            return f.kind() == Field.Kind.UINT ? f : null;
        } catch (WireException e) {
            return null; // fall back to the walk, which gives the precise message
        }
    }

    @Override
    Object valueAt(int i) {
        return Decoding.read(layout, layout.fields().get(i), buf, base, bitBase, limit, true);
    }

    @Override
    public byte[] bytes() {
        int start = base + (bitBase >>> 3);
        int len = bitBase == 0 ? limit : layout.sizeBytes();
        return Arrays.copyOfRange(buf, start, Math.min(buf.length, start + len));
    }
}
