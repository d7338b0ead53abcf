package fwsh.backend;

import fwsh.channel.Opcode;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Names for the opcodes in {@link Opcode}, for error messages: "0x805 (ACCESS_REG)". */
public final class OpcodeNames {
    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        for (Field f : Opcode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && !f.getName().contains("OP_MOD")) {
                try {
                    NAMES.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private OpcodeNames() {
    }

    public static String describe(int opcode) {
        String name = NAMES.get(opcode);
        return String.format("0x%x", opcode) + (name == null ? "" : " (" + name + ")");
    }
}
