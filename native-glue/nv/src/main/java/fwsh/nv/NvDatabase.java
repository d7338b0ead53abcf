package fwsh.nv;

import fwsh.wire.DidYouMean;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The items and parameters fwsh knows, from mstflint's database or the built-in list, and the names mlxconfig gives
 * them on a device with a number of ports: Port items once per port ({@code _P1}, {@code _P2}), Module items once per
 * module ({@code _M0}, ...), array elements as {@code NAME[i]}.
 */
public final class NvDatabase {
    private final String source;
    private final Map<String, TlvDef> tlvs = new LinkedHashMap<>();

    public NvDatabase(String source, List<TlvDef> items) {
        this.source = source;
        for (TlvDef t : items) tlvs.put(t.name(), t);
    }

    /** Where the definitions come from: "mstflint database PATH" or "built-in list". */
    public String source() {
        return source;
    }

    public List<TlvDef> tlvs() {
        return List.copyOf(tlvs.values());
    }

    public TlvDef tlv(String name) {
        return tlvs.get(name);
    }

    public int parameterCount() {
        int n = 0;
        for (TlvDef t : tlvs.values()) n += t.params().size();
        return n;
    }

    /** Every named parameter of non-capability items, as a device with {@code ports} ports shows them. */
    public List<NvParam> parameters(int ports) {
        List<NvParam> out = new ArrayList<>();
        for (TlvDef t : tlvs.values()) {
            if (t.isCap()) continue;
            for (NvItem item : items(t, ports)) {
                for (ParamDef p : t.params()) {
                    if (p.mlxconfigName() == null) continue;
                    out.add(new NvParam(p.mlxconfigName() + suffix(item), p, item));
                }
            }
        }
        return out;
    }

    /** The item instances of a definition on a device: one per port, per module, or one. */
    public static List<NvItem> items(TlvDef t, int ports) {
        List<NvItem> out = new ArrayList<>();
        if (t.perPort()) for (int p = 1; p <= ports; p++) out.add(new NvItem(t, p, 0));
        else if (t.perModule()) for (int m = 0; m < ports; m++) out.add(new NvItem(t, 0, m));
        else out.add(NvItem.of(t));
        return out;
    }

    private static String suffix(NvItem item) {
        if (item.def().perPort()) return "_P" + item.port();
        if (item.def().perModule()) return "_M" + item.module();
        return "";
    }

    /** A parameter by mlxconfig name (any case), or a refusal naming the closest ones. */
    public NvParam find(String name, int ports) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        List<NvParam> all = parameters(ports);
        for (NvParam p : all) if (p.name().equalsIgnoreCase(key)) return p;
        List<String> names = new ArrayList<>();
        for (NvParam p : all) names.add(p.name());
        List<String> close = DidYouMean.suggest(key, names);
        throw new NvException("unknown NV parameter '" + name + "'" + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                + " (" + names.size() + " parameters from the " + source + "; dev.nv.query() lists those the device supports)");
    }

    /** A variable of a database expression: {@code tlv.param} or a {@code param} of {@code self}. */
    public ParamDef variable(String name, TlvDef self) {
        int dot = name.indexOf('.');
        TlvDef t = dot < 0 ? self : tlvs.get(name.substring(0, dot));
        String param = dot < 0 ? name : name.substring(dot + 1);
        if (t == null) throw new NvException("the expression refers to item " + name.substring(0, dot) + ", which the " + source + " does not define");
        ParamDef p = t.param(param);
        if (p == null) throw new NvException("the expression refers to " + t.name() + "." + param + ", which the " + source + " does not define");
        return p;
    }

    @Override
    public String toString() {
        return "NvDatabase(" + source + ", " + tlvs.size() + " items, " + parameterCount() + " parameters)";
    }

    /** Builds a database from rows: items first, then parameters naming their item. */
    public static final class Builder {
        private final String source;
        private final Map<String, TlvDef> tlvs = new LinkedHashMap<>();

        public Builder(String source) {
            this.source = source;
        }

        public Builder tlv(TlvDef t) {
            tlvs.put(t.name(), t);
            return this;
        }

        public Builder param(ParamDef p) {
            TlvDef t = tlvs.get(p.tlvName());
            if (t == null) throw new NvException("parameter " + p.name() + " names item " + p.tlvName() + ", which is not defined");
            t.add(p);
            return this;
        }

        public NvDatabase build() {
            return new NvDatabase(source, Collections.unmodifiableList(new ArrayList<>(tlvs.values())));
        }
    }
}
