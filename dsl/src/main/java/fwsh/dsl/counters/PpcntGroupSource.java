package fwsh.dsl.counters;

import fwsh.counters.CounterDef;
import fwsh.counters.CounterSource;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Register;
import fwsh.wire.Field;
import fwsh.wire.Layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One PPCNT counter group of one port (and one priority or traffic class for the per-prio/per-TC groups), or
 * MPCNT's PCIe group, which has the same shape: every read is one ACCESS_REG, and the counters are picked out
 * of the reply bytes with fields resolved once. Counters take their ethtool/mlx5e name where the catalog has
 * one ({@code alias=}), else the PRM name; per-priority names get the priority ({@code rx_prio3_bytes}),
 * per-TC names a {@code _tcN} suffix. A catalog {@code unit=} and description win over the guesses from names;
 * a percentage is a gauge.
 */
final class PpcntGroupSource implements CounterSource {
    /** counter_set inside the register. */
    static final int COUNTER_SET = 0x08;
    static final Set<String> PER_PRIO = Set.of("per_priority");
    static final Set<String> PER_TC = Set.of("per_traffic_class", "per_traffic_class_congestion");

    private final Register reg;
    private final String group;
    private final int prio;
    private final Map<String, Object> index;
    private final List<CounterDef> defs = new ArrayList<>();
    private final Field[] fields;
    private final String name;

    /**
     * @param member the counter_set union member holding the group's layout
     * @param prio   priority/TC for per-prio and per-TC groups, else -1
     * @param taken  names already used by other sources (a clash gets the group name as prefix); updated
     */
    PpcntGroupSource(Register reg, int port, String group, Layout member, int prio, Set<String> taken) {
        this(reg, ppcntIndex(port, group, prio), group, member, prio, taken,
                "ppcnt." + group + (prio >= 0 ? (PER_PRIO.contains(group) ? ".prio" : ".tc") + prio : ""),
                "PPCNT/" + group + (prio >= 0 ? "[" + prio + "]" : ""));
    }

    /** MPCNT's group {@code group} of the host's PCIe node (pcie_index 0). */
    static PpcntGroupSource mpcnt(Register reg, String group, Layout member, Set<String> taken) {
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("pcie_index", 0);
        idx.put("grp", group);
        return new PpcntGroupSource(reg, idx, group, member, -1, taken, "mpcnt." + group, "MPCNT/" + group);
    }

    private static Map<String, Object> ppcntIndex(int port, String group, int prio) {
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("local_port", port);
        idx.put("grp", group);
        if (prio >= 0) idx.put("prio_tc", prio);
        return idx;
    }

    private PpcntGroupSource(Register reg, Map<String, Object> index, String group, Layout member, int prio,
                             Set<String> taken, String name, String groupName) {
        this.reg = reg;
        this.group = group;
        this.prio = prio;
        this.index = java.util.Collections.unmodifiableMap(index);
        this.name = name;
        List<Field> fs = new ArrayList<>();
        for (Field f : counterFields(member)) {
            String n = counterName(f, group, prio);
            if (!taken.add(n)) {
                n = group + "_" + n;
                if (!taken.add(n)) continue; // the same field twice cannot happen in one layout
            }
            String unit = f.unit() != null ? f.unit() : CounterText.unit(f.name());
            String description = CounterText.describe(f.name(), group, f.description());
            defs.add(unit.equals("%") ? CounterDef.gauge(n, groupName, description, unit, f.bitWidth())
                    : CounterDef.counter(n, groupName, description, unit, f.bitWidth()));
            fs.add(f);
        }
        this.fields = fs.toArray(new Field[0]);
    }

    /** The numeric fields of a group, arrays of numbers (the FEC histogram's bins) element by element. */
    static List<Field> counterFields(Layout member) {
        List<Field> out = new ArrayList<>();
        for (Field f : member.namedFields()) {
            if (f.isNumeric()) out.add(f);
            else if (f.kind() == Field.Kind.ARRAY && f.count() > 0 && f.element().isNumeric()) {
                for (int i = 0; i < f.count(); i++) out.add(f.elementAt(i));
            }
        }
        return out;
    }

    static String counterName(Field f, String group, int prio) {
        String alias = f.alias();
        int element = elementIndex(f.name());
        if (element >= 0) {
            String base = alias != null ? alias : f.name().substring(0, f.name().indexOf('['));
            return base.contains("%d") ? base.replace("%d", Integer.toString(element)) : base + "_" + element;
        }
        if (prio < 0) return alias != null ? alias : f.name();
        if (alias != null && alias.contains("%d")) return alias.replace("%d", Integer.toString(prio));
        if (alias != null && PER_PRIO.contains(group)) return prio == 0 ? alias : alias + "_prio" + prio;
        String base = alias != null ? alias : f.name();
        return base + (PER_PRIO.contains(group) ? "_prio" : "_tc") + prio;
    }

    private static int elementIndex(String name) {
        int open = name.indexOf('[');
        return open < 0 ? -1 : Integer.parseInt(name.substring(open + 1, name.length() - 1));
    }

    @Override
    public String name() {
        return name;
    }

    String group() {
        return group;
    }

    int prio() {
        return prio;
    }

    Map<String, Object> index() {
        return index;
    }

    @Override
    public List<CounterDef> counters() {
        return defs;
    }

    /** Reads the register once; the reply's counter_set bytes are read directly by the prepared fields. */
    byte[] readRaw() {
        Decoded d = reg.read(index);
        return d.value().bytes();
    }

    @Override
    public long read(int[] indices, long[] into) {
        byte[] b = readRaw();
        for (int k = 0; k < indices.length; k++) into[k] = fields[indices[k]].get(b, COUNTER_SET);
        return NO_DEVICE_TIME;
    }

    /** Clears the group with a PPCNT write, clr=1 (a state change: needs the configuration scope). */
    void clear() {
        Map<String, Object> w = new LinkedHashMap<>(index);
        w.put("clr", 1);
        reg.write(w);
    }

    @Override
    public String toString() {
        return name + " (" + defs.size() + " counters)";
    }
}
