package fwsh.dsl.engine;

import fwsh.base.ArgumentException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Mailbox;
import fwsh.channel.Transport;
import fwsh.wire.DidYouMean;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the numbers a raw RPC is built from before anything is encoded: a value that would be masked, clamped
 * or ignored on the way to the device (an opcode above 0xffff, a negative length, {@code outLen:} for
 * {@code outlen:}) is refused with one line naming it and what is allowed.
 */
public final class RpcArguments {
    /** fwctl's limit per mailbox; mlx5ctl's is 256 KiB. */
    static final int FWCTL_MAX_BYTES = 2 << 20;
    static final int MLX5CTL_MAX_BYTES = 256 << 10;

    private RpcArguments() {
    }

    /** Refuses keys the call does not take, suggesting the closest. */
    public static void known(String call, Map<String, ?> args, Collection<String> allowed) {
        for (String k : args.keySet()) {
            if (allowed.contains(k)) continue;
            List<String> close = DidYouMean.suggest(k, allowed);
            throw new ArgumentException(call + " takes no '" + k + ":'" + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + ":?")
                    + " It takes " + String.join(", ", allowed.stream().map(a -> a + ":").toList()));
        }
    }

    /** A whole number in {@code min..max}; {@code v} null gives {@code absent}. */
    public static long whole(String call, String key, Object v, long min, long max, long absent) {
        if (v == null) return absent;
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger)) {
            throw new ArgumentException(call + " " + key + ": " + describe(v) + " is not a whole number; give " + range(min, max));
        }
        BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ArgumentException(call + " " + key + ": " + v + " is outside " + range(min, max));
        }
        return n.longValue();
    }

    /** An opcode or op_mod: 16 bits of the mailbox header. */
    public static int u16(String call, String key, Object v, int absent) {
        return (int) whole(call, key, v, 0, 0xffff, absent);
    }

    /** A mailbox length for this device: 16 bytes (the header) up to what its transport takes. */
    public static int length(String call, String key, Object v, DeviceInfo info, int absent) {
        return (int) whole(call, key, v, Mailbox.HEADER_BYTES, maxBytes(info), absent);
    }

    static int maxBytes(DeviceInfo info) {
        return info.personality() == Transport.MLX5CTL ? MLX5CTL_MAX_BYTES : FWCTL_MAX_BYTES;
    }

    private static String range(long min, long max) {
        return min + ".." + max + (max == 0xffff ? " (0..0xffff)" : "");
    }

    private static String describe(Object v) {
        return v instanceof CharSequence ? "'" + v + "'" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
