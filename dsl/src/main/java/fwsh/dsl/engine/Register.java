package fwsh.dsl.engine;

import fwsh.base.ArgumentException;
import fwsh.channel.Opcode;
import fwsh.wire.Access;
import fwsh.wire.CommandDef;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.RegisterDef;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One register of one device: {@code dev.reg.PAOS.read(local_port: 1)}, write, modify, describe. A read or write
 * without a required index field (local_port) is refused before anything is sent; so is a write of a read-only
 * field. PTYS without {@code proto_mask} asks for the port's own protocol (Ethernet or InfiniBand).
 */
public final class Register implements Describable, ArgumentCompletable {
    private static final int REGISTER_DATA = 16;
    private static final String PROTO_MASK = "proto_mask";

    private final RegisterDef def;
    private final CommandDef accessReg;
    private final RpcEngine engine;
    private final PortProtocols protocols;
    private final Route readRoute;
    private final Route writeRoute;
    private final List<String> required = new ArrayList<>();
    private final boolean protoMaskIndex;
    private volatile ReusedRequest lastRead;

    Register(RegisterDef def, CommandDef accessReg, RpcEngine engine, PortProtocols protocols) {
        this.def = def;
        this.accessReg = accessReg;
        this.engine = engine;
        this.protocols = protocols;
        String what = "ACCESS_REG " + def.name();
        this.readRoute = engine.route(what + " read", Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_READ, false, def.name());
        this.writeRoute = engine.route(what + " write", Opcode.ACCESS_REG, Opcode.ACCESS_REG_OP_MOD_WRITE, true, def.name());
        boolean protoMask = false;
        for (Field f : def.layout().fields()) {
            if (f.access() != Access.INDEX) continue;
            if (f.required()) required.add(f.name());
            if (f.name().equals(PROTO_MASK)) protoMask = true;
        }
        this.protoMaskIndex = protoMask && required.contains("local_port");
    }

    public String getName() {
        return def.name();
    }

    public int getId() {
        return def.id();
    }

    /** The numeric fields that select an instance (INDEX in the catalog): what read(...) takes, e.g. [local_port, pnat]. */
    public List<String> getIndexFields() {
        List<String> names = new ArrayList<>();
        for (Field f : def.layout().fields()) if (f.access() == Access.INDEX && f.isNumeric()) names.add(f.name());
        return names;
    }

    public Layout getLayout() {
        return def.layout();
    }

    /** Reads the register; the map holds its index fields (local_port, grp, ...). */
    public Decoded read(Map<String, ?> index) {
        return send(readRequest(index));
    }

    /**
     * Reads a register whose reply ends in a variable-length tail (MTRC_STDB's string data): the output mailbox has
     * room for {@code tailBytes} bytes after the layout's fixed part, and the decoded value includes them.
     */
    public Decoded read(Map<String, ?> index, int tailBytes) {
        if (tailBytes < 0) throw new fwsh.base.FwshException(def.name() + " read: a tail of " + tailBytes + " bytes is negative");
        byte[] in = readRequest(index);
        byte[] out = engine.send(new RpcRequest(readRoute, in, in.length + tailBytes));
        return engine.decoded(def.layout().view(out, REGISTER_DATA));
    }

    /** A read with these index fields, encoded once, for polling loops: {@code def r = prepare(...); r.read()}. */
    public PreparedRead prepare(Map<String, ?> index) {
        Map<String, Object> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(index));
        return new PreparedRead(this, copy, encode(Opcode.ACCESS_REG_OP_MOD_READ, complete("read", copy)));
    }

    Decoded send(byte[] readRequest) {
        byte[] out = engine.send(new RpcRequest(readRoute, readRequest, readRequest.length));
        return decoded(out);
    }

    private byte[] readRequest(Map<String, ?> index) {
        ReusedRequest last = lastRead;
        if (last != null && last.matches(index)) return last.in;
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_READ, complete("read", index));
        ReusedRequest next = ReusedRequest.of(index, in);
        if (next != null) lastRead = next;
        return in;
    }

    public Decoded read() {
        return read(Map.of());
    }

    /**
     * Writes the register: fields not given are zero, as in the PRM (use modify to keep the others). Read-only
     * fields are refused; the journal records the fields given.
     */
    public Decoded write(Map<String, ?> fields) {
        refuseReadOnly(fields.keySet());
        return writeImage(fields, fields);
    }

    /**
     * A write journaled as the caller names it (NV parameters and their values) instead of as the raw fields, with
     * {@code before} read just before sending (null when there is nothing to read).
     */
    public Decoded write(Map<String, ?> fields, Map<String, ?> journaled, java.util.function.Supplier<Object> before) {
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_WRITE, fields);
        byte[] out = engine.send(new RpcRequest(writeRoute, in, in.length, journaled, before));
        return decoded(out);
    }

    /**
     * Read-modify-write: reads with the index fields, runs the closure on a mutable copy, writes it back. Only
     * what the closure assigns counts as written: assigning a read-only field is refused, and the journal's
     * {@code fields} are the index and the assigned fields, not the whole image.
     */
    public Decoded modify(Map<String, ?> index,
                          @DelegatesTo(value = Map.class, strategy = Closure.DELEGATE_FIRST) Closure<?> change) {
        Decoded current = read(index);
        Assignments fields = new Assignments(current.toMap());
        fields.putAll(index);
        fields.assigned.clear();
        Closure<?> c = (Closure<?>) change.clone();
        c.setResolveStrategy(Closure.DELEGATE_FIRST);
        c.setDelegate(fields);
        c.call(fields);
        refuseReadOnly(fields.assigned);
        Map<String, Object> written = new LinkedHashMap<>(index);
        for (String k : fields.assigned) written.put(k, fields.get(k));
        return writeImage(fields, written);
    }

    private Decoded writeImage(Map<String, ?> image, Map<String, ?> written) {
        Map<String, ?> full = complete("write", image);
        Map<String, Object> index = indexOf(full);
        byte[] in = encode(Opcode.ACCESS_REG_OP_MOD_WRITE, full);
        byte[] out = engine.send(new RpcRequest(writeRoute, in, in.length, written, () -> read(index)));
        return decoded(out);
    }

    /** The register's data as a value; PTYS values also name their link modes. */
    private Decoded decoded(byte[] out) {
        fwsh.wire.Value v = def.layout().view(out, REGISTER_DATA);
        return def.name().equals("PTYS") ? new PtysValue(v, engine.console()) : engine.decoded(v);
    }

    /** A map that remembers which keys were assigned, so modify knows what the closure wrote. */
    private static final class Assignments extends LinkedHashMap<String, Object> {
        final Set<String> assigned = new LinkedHashSet<>();

        Assignments(Map<String, Object> image) {
            super(image);
        }

        @Override
        public Object put(String key, Object value) {
            assigned.add(key);
            return super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ?> m) {
            assigned.addAll(m.keySet());
            super.putAll(m);
        }
    }

    /** The index as sent: required fields checked, and PTYS's proto_mask filled in from the port's protocol. */
    private Map<String, ?> complete(String verb, Map<String, ?> fields) {
        for (String name : fields.keySet()) def.layout().field(name); // a misspelt field: did-you-mean before "missing"
        List<String> missing = null;
        for (String name : required) {
            if (fields.get(name) != null) continue;
            if (missing == null) missing = new ArrayList<>();
            missing.add(name);
        }
        if (missing != null) {
            String list = String.join(", ", missing.stream().map(m -> m + ":").toList());
            throw new ArgumentException(def.name() + "." + verb + " needs " + list + " (the index that selects what to "
                    + verb + "); e.g. dev.reg." + def.name() + "." + verb + "(" + example(missing) + "). Nothing was sent");
        }
        if (protoMaskIndex && fields.get(PROTO_MASK) == null) {
            Map<String, Object> withMask = new LinkedHashMap<>(fields);
            withMask.put(PROTO_MASK, protocols.protoMask(fields.get("local_port")));
            return withMask;
        }
        return fields;
    }

    private static String example(List<String> missing) {
        return String.join(", ", missing.stream().map(m -> m + ": 1").toList());
    }

    private void refuseReadOnly(java.util.Collection<String> names) {
        for (String name : names) {
            Field f = def.layout().findField(name).orElse(null);
            if (f == null || f.access() != Access.RO) continue;
            List<String> writable = new ArrayList<>();
            List<String> index = new ArrayList<>();
            for (Field w : def.layout().fields()) {
                if (w.access() == Access.RW || w.access() == Access.WO) writable.add(w.name());
                else if (w.access() == Access.INDEX) index.add(w.name());
            }
            throw new ArgumentException(def.name() + "." + name + " is read-only; the writable fields are "
                    + (writable.isEmpty() ? "none" : String.join(", ", writable))
                    + (index.isEmpty() ? "" : " (index: " + String.join(", ", index) + ")") + ". Nothing was sent");
        }
    }

    private byte[] encode(int opMod, Map<String, ?> fields) {
        Layout layout = def.layout();
        byte[] in = new byte[REGISTER_DATA + layout.sizeBytes()];
        accessReg.in().encodeInto(in, 0, Map.of("opcode", accessReg.opcode(), "op_mod", opMod, "register_id", def.id()));
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
        return describe(0);
    }

    @Override
    public String describe(int width) {
        return def.name() + " (register 0x" + Integer.toHexString(def.id()) + ", " + def.layout().sizeBytes() + " bytes)"
                + (def.description() == null ? "" : " — " + def.description()) + "\n" + def.layout().describe(width);
    }

    @Override
    public String toString() {
        return "Register(" + def.name() + " 0x" + Integer.toHexString(def.id()) + ")";
    }
}
