package fwsh.dsl.engine;

import fwsh.channel.Opcode;
import fwsh.wire.Access;
import fwsh.wire.Bits;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.RegisterDef;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One register of one device: {@code dev.reg.PAOS.read(local_port: 1)}, write, modify, describe. */
public final class Register implements Describable, ArgumentCompletable {
    private static final int REGISTER_DATA = 16;

    private final RegisterDef def;
    private final RpcEngine engine;
    private final Route readRoute;
    private final Route writeRoute;
    private volatile ReusedRequest lastRead;

    Register(RegisterDef def, RpcEngine engine) {
        this.def = def;
        this.engine = engine;
        String what = "ACCESS_REG " + def.name();
        this.readRoute = engine.route(what + " read", Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_READ, false, def.name());
        this.writeRoute = engine.route(what + " write", Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_WRITE, true, def.name());
    }

    public String getName() {
        return def.name();
    }

    public int getId() {
        return def.id();
    }

    public Layout getLayout() {
        return def.layout();
    }

    /** Reads the register; the map holds its index fields (local_port, grp, ...). */
    public Decoded read(Map<String, ?> index) {
        return send(readRequest(index));
    }

    /** A read with these index fields, encoded once, for polling loops: {@code def r = prepare(...); r.read()}. */
    public PreparedRead prepare(Map<String, ?> index) {
        Map<String, Object> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(index));
        return new PreparedRead(this, copy, encode(Opcode.ACCESS_REG_OP_MOD_READ, copy));
    }

    Decoded send(byte[] readRequest) {
        byte[] out = engine.send(new RpcRequest(readRoute, readRequest, readRequest.length));
        return new Decoded(def.layout().view(out, REGISTER_DATA));
    }

    private byte[] readRequest(Map<String, ?> index) {
        ReusedRequest last = lastRead;
        if (last != null && last.matches(index)) return last.in;
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_READ, index);
        ReusedRequest next = ReusedRequest.of(index, in);
        if (next != null) lastRead = next;
        return in;
    }

    public Decoded read() {
        return read(Map.of());
    }

    /** Writes the register: fields not given are zero, as in the PRM (use modify to keep the others). */
    public Decoded write(Map<String, ?> fields) {
        Map<String, Object> index = indexOf(fields);
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_WRITE, fields);
        byte[] out = engine.send(new RpcRequest(writeRoute, in, in.length, fields, () -> read(index)));
        return new Decoded(def.layout().view(out, REGISTER_DATA));
    }

    /**
     * A write journaled as the caller names it (NV parameters and their values) instead of as the raw fields, with
     * {@code before} read just before sending (null when there is nothing to read).
     */
    public Decoded write(Map<String, ?> fields, Map<String, ?> journaled, java.util.function.Supplier<Object> before) {
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_WRITE, fields);
        byte[] out = engine.send(new RpcRequest(writeRoute, in, in.length, journaled, before));
        return new Decoded(def.layout().view(out, REGISTER_DATA));
    }

    /** Read-modify-write: reads with the index fields, runs the closure on a mutable copy, writes it back. */
    public Decoded modify(Map<String, ?> index,
                          @DelegatesTo(value = Map.class, strategy = Closure.DELEGATE_FIRST) Closure<?> change) {
        Decoded current = read(index);
        Map<String, Object> fields = new LinkedHashMap<>(current.toMap());
        fields.putAll(index);
        Closure<?> c = (Closure<?>) change.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(fields);
        c.call(fields);
        return write(fields);
    }

    private byte[] encode(int opMod, Map<String, ?> fields) {
        Layout layout = def.layout();
        byte[] in = new byte[REGISTER_DATA + layout.sizeBytes()];
        Bits.set(in, 0, 0, 16, Opcode.ACCESS_REG);
        Bits.set(in, 0, 48, 16, opMod);
        Bits.set(in, 0, 80, 16, def.id());
        layout.encodeInto(in, REGISTER_DATA, fields);
        return in;
    }

    private Map<String, Object> indexOf(Map<String, ?> fields) {
        Map<String, Object> index = new LinkedHashMap<>();
        for (Field f : def.layout().fields()) {
            if (f.access() == Access.INDEX && fields.containsKey(f.name())) index.put(f.name(), fields.get(f.name()));
        }
        return index;
    }

    @Override
    public List<String> argumentNames(String method) {
        List<String> names = new ArrayList<>();
        boolean indexOnly = method.equals("read") || method.equals("prepare");
        for (Field f : def.layout().fields()) {
            if (f.isReserved()) continue;
            if (indexOnly && f.access() != Access.INDEX) continue;
            names.add(f.name());
        }
        if (names.isEmpty() && indexOnly) return argumentNames("write");
        return names;
    }

    @Override
    public List<String> argumentValues(String method, String argument) {
        return def.layout().findField(argument).map(f -> List.copyOf(f.enumValues().keySet())).orElse(List.of());
    }

    @Override
    public String describe() {
        return def.name() + " (register 0x" + Integer.toHexString(def.id()) + ", " + def.layout().sizeBytes() + " bytes)"
                + (def.description() == null ? "" : " — " + def.description()) + "\n" + def.layout().describe();
    }

    @Override
    public String toString() {
        return "Register(" + def.name() + " 0x" + Integer.toHexString(def.id()) + ")";
    }
}
