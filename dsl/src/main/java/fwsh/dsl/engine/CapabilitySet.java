package fwsh.dsl.engine;

import fwsh.channel.Opcode;
import fwsh.wire.CapabilityDef;
import fwsh.wire.CommandDef;
import fwsh.wire.Field;
import groovy.lang.GroovyObjectSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HCA capability type of a device, current values ({@code dev.cap.general.log_max_qp}) or maximum
 * values ({@code dev.cap.general.max.log_max_qp}). Queried once on first use; {@code refresh()} re-reads.
 */
public final class CapabilitySet extends GroovyObjectSupport implements Describable, Completable {
    private static final int CAPABILITY = 16;
    private static final int CAPABILITY_BYTES = 4096;
    static final int MODE_MAX = 0;
    static final int MODE_CUR = 1;

    private final CapabilityDef def;
    private final CommandDef query;
    private final RpcEngine engine;
    private final int mode;
    private volatile Decoded value;
    private volatile CapabilitySet max;

    CapabilitySet(CapabilityDef def, CommandDef query, RpcEngine engine, int mode) {
        this.def = def;
        this.query = query;
        this.engine = engine;
        this.mode = mode;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case "max" -> getMax();
            case "value" -> getValue();
            default -> getValue().getProperty(name);
        };
    }

    public CapabilitySet getMax() {
        if (mode == MODE_MAX) return this;
        CapabilitySet m = max;
        if (m == null) max = m = new CapabilitySet(def, query, engine, MODE_MAX);
        return m;
    }

    /** The whole capability, decoded. */
    public Decoded getValue() {
        Decoded v = value;
        if (v == null) value = v = query();
        return v;
    }

    public CapabilitySet refresh() {
        value = null;
        if (max != null) max.value = null;
        return this;
    }

    private Decoded query() {
        int opMod = (def.type() << 1) | mode;
        byte[] in = query.in().encode(Map.of("opcode", query.opcode(), "op_mod", opMod));
        String what = "QUERY_HCA_CAP " + def.name() + (mode == MODE_CUR ? " cur" : " max");
        byte[] out = engine.send(new RpcRequest(engine.route(what, Opcode.QUERY_HCA_CAP, opMod, false, null), in,
                CAPABILITY + CAPABILITY_BYTES));
        return engine.decoded(def.layout().decode(out, CAPABILITY));
    }

    /** Prints the field table; {@link #showText()} returns it. */
    public void show() {
        getValue().show();
    }

    public String showText() {
        return getValue().showText();
    }

    public java.util.Map<String, Object> toMap() {
        return getValue().toMap();
    }

    @Override
    public List<String> completionCandidates() {
        List<String> names = new ArrayList<>();
        for (Field f : def.layout().fields()) if (!f.isReserved()) names.add(f.name());
        if (mode == MODE_CUR) names.add("max");
        names.addAll(List.of("show()", "showText()", "describe()", "toMap()", "refresh()"));
        return names;
    }

    @Override
    public String describe() {
        return describe(0);
    }

    @Override
    public String describe(int width) {
        return "capability " + def.name() + " (type 0x" + Integer.toHexString(def.type()) + ", "
                + (mode == MODE_CUR ? "current" : "maximum") + " values)\n" + def.layout().describe(width);
    }

    @Override
    public String toString() {
        return getValue().toString();
    }
}
