package fwsh.dsl;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One command as the engine sends it.
 *
 * @param what          how errors and the journal name it, e.g. "ACCESS_REG PAOS write"
 * @param stateChanging whether it changes device state (journaled; needs more than read-only)
 * @param register      register name for ACCESS_REG, else null
 * @param fields        the fields the user gave (journaled)
 * @param before        reads the value just before a write, for the journal; null when not readable
 */
public record RpcRequest(String what, int opcode, int opMod, byte[] in, int outLen, boolean stateChanging,
                         String register, Map<String, ?> fields, Supplier<Object> before) {
}
