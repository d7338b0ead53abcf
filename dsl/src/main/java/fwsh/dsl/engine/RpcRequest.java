package fwsh.dsl.engine;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One command as the engine sends it.
 *
 * @param route  what kind of command it is and how it is admitted
 * @param fields the fields the user gave (journaled for state changes)
 * @param before reads the value just before a write, for the journal; null when not readable
 */
public record RpcRequest(Route route, byte[] in, int outLen, Map<String, ?> fields, Supplier<Object> before) {

    /**
     * Commands and register writes that drive a diagnostic session rather than configure the device: the
     * objects a umem dump or trace needs (PD, mkey, umem; freed when the session ends) and the tracer,
     * resource-dump and core-dump control registers. They are journaled like every state change but allowed
     * in a debug-read-only session, because reading traces and dumps needs them.
     */
    public static final java.util.Set<String> DIAGNOSTIC_CONTROL = java.util.Set.of(
            "ALLOC_PD", "DEALLOC_PD", "CREATE_MKEY", "DESTROY_MKEY", "CREATE_UMEM", "DESTROY_UMEM",
            "MTRC_CAP", "MTRC_CONF", "MTRC_CTRL", "MTRC_STDB", "RESOURCE_DUMP", "CORE_DUMP");

    RpcRequest(Route route, byte[] in, int outLen) {
        this(route, in, outLen, null, null);
    }
}
