package fwsh.dsl.engine;

import java.math.BigInteger;
import java.util.Map;

/**
 * The request a register read last encoded and the index values it came from. Polling one register at one
 * index (samplers, watch loops, health checks) then sends the same bytes again instead of encoding them anew.
 * The bytes are never written after encoding: channels do not modify their input mailbox.
 */
final class ReusedRequest {
    private final Object[] keysAndValues;
    final byte[] in;

    private ReusedRequest(Object[] keysAndValues, byte[] in) {
        this.keysAndValues = keysAndValues;
        this.in = in;
    }

    /** Null when a value could change after this call (a list, a map, a mutable number): those are encoded each time. */
    static ReusedRequest of(Map<String, ?> index, byte[] in) {
        Object[] kv = new Object[index.size() * 2];
        int i = 0;
        for (Map.Entry<String, ?> e : index.entrySet()) {
            if (!immutable(e.getValue())) return null;
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new ReusedRequest(kv, in);
    }

    /** Same keys with equal values, in the same order. */
    boolean matches(Map<String, ?> index) {
        Object[] kv = keysAndValues;
        if (index.size() * 2 != kv.length) return false;
        int i = 0;
        for (Map.Entry<String, ?> e : index.entrySet()) {
            if (!kv[i].equals(e.getKey()) || !kv[i + 1].equals(e.getValue())) return false;
            i += 2;
        }
        return true;
    }

    private static boolean immutable(Object v) {
        return v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof Boolean || v instanceof BigInteger;
    }
}
