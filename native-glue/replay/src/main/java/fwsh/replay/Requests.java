package fwsh.replay;

import fwsh.channel.Mailbox;
import fwsh.channel.Opcode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Describes, compares and keys request mailboxes for replay matching and its messages. */
final class Requests {
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        // The opcode names the engine knows (fwsh.channel.Opcode); the catalog lives in a higher layer.
        for (Field f : Opcode.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !f.getName().contains("OP_MOD")) {
                try {
                    NAMES.put(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private Requests() {
    }

    static String opcodeName(int opcode) {
        String n = NAMES.get(opcode);
        return n != null ? n : "opcode 0x" + Integer.toHexString(opcode);
    }

    static boolean hasRegister(byte[] in) {
        return in.length >= 12 && Mailbox.opcode(in) == Opcode.ACCESS_REG;
    }

    /** ACCESS_REG register_id, 0x08[15:0]. */
    static int register(byte[] in) {
        return ((in[10] & 0xff) << 8) | (in[11] & 0xff);
    }

    /** "ACCESS_REG op_mod 1 register 0x5008", "QUERY_HCA_CAP op_mod 1", "opcode 0x931 op_mod 0". */
    static String describe(byte[] in) {
        return describe(in, false);
    }

    /** With {@code withHex}, a known opcode name is followed by its number: "ACCESS_REG (0x805) op_mod 1 ...". */
    static String describe(byte[] in, boolean withHex) {
        if (in == null) return "a null input";
        if (in.length < 8) return "a " + in.length + "-byte input";
        int opcode = Mailbox.opcode(in);
        StringBuilder b = new StringBuilder(opcodeName(opcode));
        if (withHex && NAMES.containsKey(opcode)) b.append(" (0x").append(Integer.toHexString(opcode)).append(')');
        b.append(" op_mod ").append(Mailbox.opMod(in));
        if (hasRegister(in)) b.append(" register 0x").append(String.format("%04x", register(in)));
        return b.toString();
    }

    static boolean sameRequest(byte[] a, int aOut, byte[] b, int bOut) {
        if (a == null || b == null || a.length != b.length || aOut != bOut) return a == b && aOut == bOut;
        for (int i = 0; i < a.length; i++) {
            if ((i == 2 || i == 3)) continue; // uid: the kernel forces its own
            if (a[i] != b[i]) return false;
        }
        return true;
    }

    /** Matching key: input hex with the uid zeroed, and the output length. */
    static String key(byte[] in, int outLen) {
        if (in == null) return "null/" + outLen;
        byte[] c = in.clone();
        if (c.length >= 4) {
            c[2] = 0;
            c[3] = 0;
        }
        return Hex.encode(c) + "/" + outLen;
    }

    /** How the asked request differs from the recorded one, as "expected ..." phrases. */
    static String differences(byte[] rec, int recOut, byte[] asked, int askedOut) {
        if (rec == null || asked == null || rec.length < 8 || asked.length < 8
                || Mailbox.opcode(rec) != Mailbox.opcode(asked)) {
            return "expected " + describe(rec);
        }
        List<String> d = new ArrayList<>();
        if (Mailbox.opMod(rec) != Mailbox.opMod(asked)) d.add("expected op_mod " + Mailbox.opMod(rec));
        if (hasRegister(rec) && hasRegister(asked) && register(rec) != register(asked)) {
            d.add(String.format("expected register 0x%04x", register(rec)));
        }
        if (rec.length != asked.length) d.add("expected a " + rec.length + "-byte input, got " + asked.length);
        if (recOut != askedOut) d.add("expected outLen " + recOut + ", got " + askedOut);
        if (d.isEmpty()) {
            int first = -1;
            int count = 0;
            for (int i = 0; i < rec.length; i++) {
                if (i == 2 || i == 3 || rec[i] == asked[i]) continue;
                if (first < 0) first = i;
                count++;
            }
            if (first >= 0) {
                d.add(String.format("input byte 0x%x is 0x%02x, recorded 0x%02x; %d byte%s", first,
                        asked[first] & 0xff, rec[first] & 0xff, count, count == 1 ? " differs" : "s differ"));
            }
        }
        return String.join(", ", d);
    }
}
