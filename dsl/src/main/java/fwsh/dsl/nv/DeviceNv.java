package fwsh.dsl.nv;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Completable;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.JournalException;
import fwsh.dsl.engine.ScopeRefusedException;
import fwsh.nv.NvDatabase;
import fwsh.nv.NvDatabases;
import fwsh.nv.NvException;
import fwsh.nv.NvItem;
import fwsh.nv.NvParam;
import fwsh.nv.ParamDef;
import fwsh.nv.TlvDef;
import fwsh.nv.WriterId;
import groovy.lang.GroovyObjectSupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dev.nv}: the device's non-volatile configuration under mlxconfig's names. {@code query()} reads every
 * supported item in its three access modes (several RPCs in flight); {@code dev.nv.SRIOV_EN} reads one parameter's
 * next-boot value; {@code set}, {@code reset}, {@code resetAll} write the values for the next boot (configuration
 * scope, journaled with the values read just before), after refusing, before anything is sent, what the device or the
 * database would not allow; {@code backup}, {@code restore} and {@code diff} keep and compare a baseline.
 */
public final class DeviceNv extends GroovyObjectSupport implements Describable, Completable {
    private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");
    private static final Set<String> PROPERTIES = Set.of("database", "source", "parameters", "class", "metaClass", "notes");

    private final DeviceAccess dev;
    private final NvRegisters regs;
    private final List<String> notes = new ArrayList<>();
    private volatile NvDatabase db;
    private volatile Integer ports;
    private volatile boolean[] readable;

    public DeviceNv(DeviceAccess dev) {
        this.dev = dev;
        this.regs = new NvRegisters(dev);
    }

    // ---- definitions ----

    /** The parameter definitions in use: mstflint's database when installed or named, else the built-in list. */
    public NvDatabase getDatabase() {
        NvDatabase d = db;
        if (d == null) {
            synchronized (this) {
                if (db == null) db = NvDatabases.load(notes::add);
                d = db;
            }
        }
        return d;
    }

    /** Uses the mstflint database at {@code path} for this device from now on. */
    public NvDatabase database(String path) {
        db = NvDatabases.open(Path.of(path));
        return db;
    }

    public String getSource() {
        return getDatabase().source();
    }

    /** Why an installed database was not used (empty when all went well). */
    public List<String> getNotes() {
        return List.copyOf(notes);
    }

    /** Ports of the device (MGIR), which names Port parameters _P1, _P2. */
    int ports() {
        Integer p = ports;
        if (p == null) {
            try {
                p = (int) dev.getReg().get("MGIR").read().value().getLong("hw_info.num_ports");
            } catch (RuntimeException e) {
                p = 0;
            }
            if (p <= 0) p = Math.max(1, ((List<?>) dev.getInfo().getOrDefault("netdevs", List.of())).size());
            ports = p;
        }
        return p;
    }

    private boolean[] readable() {
        boolean[] r = readable;
        if (r == null) readable = r = regs.readable();
        return r;
    }

    /** Every parameter name of the definitions for this device's ports (supported or not). */
    public List<String> getParameters() {
        List<String> out = new ArrayList<>();
        for (NvParam p : getDatabase().parameters(ports())) out.add(p.name());
        return out;
    }

    // ---- reading ----

    /** Every parameter the device supports, as {@code mlxconfig -d DEV -e query} lists them (plus the writer). */
    public NvTable query() {
        return query(Map.of(), "*");
    }

    /** Parameters matching a glob ({@code 'SRIOV*'}, {@code '*LINK*'}), any case. */
    public NvTable query(String pattern) {
        return query(Map.of(), pattern);
    }

    /** {@code query(inFlight: 1)}: at most that many RPCs at a time (default 32). */
    public NvTable query(Map<String, ?> options) {
        return query(options, "*");
    }

    public NvTable query(Map<String, ?> options, String pattern) {
        int inFlight = options.get("inFlight") instanceof Number n ? Math.max(1, n.intValue()) : NvState.DEFAULT_IN_FLIGHT;
        Pattern glob = glob(pattern);
        List<NvParam> wanted = new ArrayList<>();
        for (NvParam p : getDatabase().parameters(ports())) if (glob.matcher(p.name()).matches()) wanted.add(p);
        if (wanted.isEmpty()) {
            if (!pattern.contains("*") && !pattern.contains("?")) getDatabase().find(pattern, ports());
            return new NvTable(dev.getName(), getSource(), List.of());
        }
        NvState st = readFor(wanted, true, inFlight);
        List<NvRow> rows = new ArrayList<>();
        NvEval eval = new NvEval(getDatabase(), nextData(st));
        for (NvParam p : wanted) {
            NvState.Item it = st.get(p.item());
            if (unavailable(p, it, eval) != null) continue;
            rows.add(row(p, it));
        }
        return new NvTable(dev.getName(), getSource(), rows);
    }

    /** The next-boot value of one parameter ({@code dev.nv.NUM_OF_VFS}, {@code dev.nv['LINK_TYPE_P1']}, {@code dev.nv['X[2]']}). */
    public Object get(String name) {
        Target t = target(name);
        NvRow r = rowOf(t);
        return t.index < 0 ? r.next() : ((List<?>) r.next()).get(t.index);
    }

    /** One parameter's default, current and next-boot values and writer. */
    public NvRow param(String name) {
        return rowOf(target(name));
    }

    private NvRow rowOf(Target t) {
        NvState st = readFor(List.of(t.param), true, NvState.DEFAULT_IN_FLIGHT);
        NvState.Item it = st.get(t.param.item());
        String why = unavailable(t.param, it, new NvEval(getDatabase(), nextData(st)));
        if (why != null) throw new NvException(t.param.name() + ": " + why);
        return row(t.param, it);
    }

    @Override
    public Object getProperty(String name) {
        if (PROPERTIES.contains(name)) return super.getProperty(name);
        return get(name);
    }

    public Object getAt(String name) {
        return get(name);
    }

    /** {@code dev.nv.NUM_OF_VFS = 8} is {@code dev.nv.set(NUM_OF_VFS: 8)}. */
    @Override
    public void setProperty(String name, Object value) {
        set(Map.of(name, value));
    }

    public void putAt(String name, Object value) {
        set(Map.of(name, value));
    }

    // ---- writing ----

    /**
     * Writes next-boot values: {@code set(SRIOV_EN: true, NUM_OF_VFS: 8)}; {@code dryRun: true} shows what would change
     * and sends nothing. Everything is checked before anything is sent; items are written one MNVDA each.
     */
    public NvChanges set(Map<String, ?> args) {
        boolean dryRun = truthy(args.get("dryRun"));
        Map<String, Object> values = new LinkedHashMap<>(args);
        values.remove("dryRun");
        if (values.isEmpty()) throw new NvException("dev.nv.set needs NAME: value pairs, e.g. dev.nv.set(SRIOV_EN: true, NUM_OF_VFS: 8)");
        List<String> refused = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            try {
                Target t = target(e.getKey());
                t.value = e.getValue();
                targets.add(t);
            } catch (NvException ex) {
                refused.add(ex.getMessage());
            }
        }
        refuse(refused);
        return apply(targets, dryRun, false);
    }

    /** Named parameters back to their defaults for the next boot (the item is invalidated when nothing else in it is set). */
    public NvChanges reset(String... names) {
        if (names.length == 0) throw new NvException("dev.nv.reset needs parameter names, e.g. dev.nv.reset('NUM_OF_VFS'); resetAll() resets everything");
        List<Target> targets = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String n : names) {
            try {
                targets.add(target(n));
            } catch (NvException ex) {
                refused.add(ex.getMessage());
            }
        }
        refuse(refused);
        return apply(targets, false, true);
    }

    /** Every item back to its default for the next boot (MNVIA). */
    public NvChanges resetAll() {
        NvTable all = query();
        List<NvChange> changes = new ArrayList<>();
        Map<String, Object> before = new LinkedHashMap<>();
        for (NvRow r : all) {
            if (NvText.same(r.next(), r.defaultValue())) continue;
            changes.add(new NvChange(r.parameter(), r.next(), r.defaultValue(), r.current(), r.defaultValue(), r.item()));
            before.put(r.parameter(), beforeOf(r));
        }
        Map<String, Object> journaled = new LinkedHashMap<>();
        journaled.put("operation", "reset all NV items to their defaults");
        journaled.put("parameters", changes.stream().collect(LinkedHashMap<String, Object>::new,
                (m, c) -> m.put(c.parameter(), NvText.show(c.to())), Map::putAll));
        regs.invalidateAll(journaled, () -> before);
        say("nv: every NV item of " + dev.getName() + " set back to its default (" + changes.size()
                + " parameter(s) were not); this takes effect at the next reboot or firmware reset");
        return new NvChanges(changes, false);
    }

    private NvChanges apply(List<Target> targets, boolean dryRun, boolean reset) {
        Set<NvParam> params = new LinkedHashSet<>();
        for (Target t : targets) params.add(t.param);
        NvState st = readFor(params, true, NvState.DEFAULT_IN_FLIGHT);
        Map<NvItem, byte[]> next = nextData(st);
        List<String> refused = new ArrayList<>();
        for (Target t : targets) {
            NvState.Item it = st.get(t.param.item());
            String why = access(t.param, it);
            if (why != null) {
                refused.add(t.label() + ": " + why);
                continue;
            }
            ParamDef d = t.param.def();
            byte[] data = next.get(t.param.item());
            try {
                if (reset) d.copy(it.factory(), data, t.index);
                else if (t.index < 0) d.encode(data, t.value);
                else d.encodeElement(data, t.index, t.value);
                if (d.validBit() != null && !reset) {
                    ParamDef vb = t.param.item().def().param(d.validBit());
                    if (vb != null) vb.encode(data, 1);
                }
            } catch (NvException ex) {
                // the codec names the parameter as the database does (LINK_TYPE); say which port's it is (LINK_TYPE_P1)
                String base = t.param.def().mlxconfigName();
                refused.add(ex.getMessage().startsWith(base) ? t.param.name() + ex.getMessage().substring(base.length()) : ex.getMessage());
            }
        }
        refuse(refused);
        if (reset) resetValidBits(targets, st, next);
        NvEval eval = new NvEval(getDatabase(), next);
        for (Target t : targets) {
            String why = eval.dependencyProblem(t.param);
            if (why == null && !reset) why = eval.ruleProblem(t.param);
            if (why != null) refused.add(t.label() + ": " + why);
        }
        refuse(refused);

        List<NvChange> changes = new ArrayList<>();
        Map<NvItem, List<Target>> byItem = new LinkedHashMap<>();
        for (Target t : targets) {
            NvState.Item it = st.get(t.param.item());
            NvRow r = row(t.param, it);
            Object to = t.param.def().decode(next.get(t.param.item()));
            if (t.index >= 0) to = ((List<?>) to).get(t.index);
            Object from = t.index < 0 ? r.next() : ((List<?>) r.next()).get(t.index);
            if (NvText.same(from, to)) {
                say("nv: " + t.label() + " is already " + NvText.show(to) + " for the next boot");
                continue;
            }
            changes.add(new NvChange(t.label(), from, to, t.index < 0 ? r.current() : ((List<?>) r.current()).get(t.index),
                    t.index < 0 ? r.defaultValue() : ((List<?>) r.defaultValue()).get(t.index), t.param.item().label()));
            byItem.computeIfAbsent(t.param.item(), k -> new ArrayList<>()).add(t);
        }
        if (dryRun) {
            for (NvChange c : changes) say("nv: would set " + c + " (current " + NvText.show(c.current()) + ", default " + NvText.show(c.defaultValue()) + ")");
            say("nv: dry run, nothing sent");
            return new NvChanges(changes, true);
        }
        List<String> written = new ArrayList<>();
        List<NvItem> items = new ArrayList<>(byItem.keySet());
        for (int i = 0; i < items.size(); i++) {
            NvItem item = items.get(i);
            List<Target> ts = byItem.get(item);
            NvState.Item it = st.get(item);
            Map<String, Object> journaled = new LinkedHashMap<>();
            journaled.put("item", item.label());
            journaled.put("type_class", item.def().nvClass().label);
            journaled.put("type_index", "0x" + Integer.toHexString(item.typeIndex()));
            Map<String, Object> newValues = new LinkedHashMap<>();
            Map<String, Object> before = new LinkedHashMap<>();
            for (Target t : ts) {
                Object to = t.param.def().decode(next.get(item));
                newValues.put(t.label(), NvText.show(t.index < 0 ? to : ((List<?>) to).get(t.index)));
                before.put(t.label(), beforeOf(row(t.param, it)));
            }
            journaled.put(reset ? "reset" : "parameters", newValues);
            try {
                if (reset && Arrays.equals(next.get(item), it.factory())) regs.invalidate(item, journaled, () -> before);
                else regs.write(item, next.get(item), journaled, () -> before);
                for (Target t : ts) written.add(t.label());
            } catch (RuntimeException e) {
                if (written.isEmpty() && (e instanceof ScopeRefusedException || e instanceof JournalException)) throw e;
                List<String> notWritten = new ArrayList<>();
                for (int k = i; k < items.size(); k++) for (Target t : byItem.get(items.get(k))) notWritten.add(t.label());
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("command", "NV set outcome");
                outcome.put("device", dev.getName());
                outcome.put("written", written);
                outcome.put("not_written", notWritten);
                outcome.put("error", e.getMessage());
                try {
                    dev.journal().append(outcome);
                } catch (RuntimeException ignored) {
                    // the error below says what happened; the journal already has the attempts
                }
                throw new NvException("nv: " + (written.isEmpty() ? "nothing was written" : "wrote " + String.join(", ", written))
                        + "; NOT written: " + String.join(", ", notWritten) + " (" + item.label() + ": " + e.getMessage() + ")");
            }
        }
        if (!changes.isEmpty()) {
            say("nv: " + (reset ? "reset " : "set ") + String.join(", ", written) + " on " + dev.getName()
                    + "; this takes effect at the next reboot or firmware reset");
        }
        return new NvChanges(changes, false);
    }

    /** A valid bit goes back to its default once every parameter it validates is back to its default. */
    private static void resetValidBits(List<Target> targets, NvState st, Map<NvItem, byte[]> next) {
        for (Target t : targets) {
            String vb = t.param.def().validBit();
            if (vb == null) continue;
            NvItem item = t.param.item();
            byte[] data = next.get(item), factory = st.get(item).factory();
            boolean allDefault = item.def().params().stream().filter(p -> vb.equals(p.validBit()))
                    .allMatch(p -> NvText.same(p.decode(data), p.decode(factory)));
            ParamDef v = item.def().param(vb);
            if (allDefault && v != null) v.copy(factory, data, -1);
        }
    }

    private static Map<String, Object> beforeOf(NvRow r) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("default", NvText.show(r.defaultValue()));
        b.put("current", NvText.show(r.current()));
        b.put("next", NvText.show(r.next()));
        b.put("writer", r.writer());
        return b;
    }

    // ---- baselines ----

    /** Writes every supported parameter's next-boot value to a JSON baseline file. */
    public Path backup(String file) {
        Path out = NvBaseline.write(Path.of(file), dev, getSource(), query());
        say("nv: " + dev.getName() + " configuration written to " + out);
        return out;
    }

    /** Compares the device with a baseline (a file written by backup, or a map of NAME: value). */
    public NvDiff diff(Object baseline) {
        Map<String, Object> expected = NvBaseline.parameters(baseline);
        NvTable now = query();
        List<NvDiffRow> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            NvRow r = now.row(e.getKey());
            String want = NvText.show(e.getValue());
            if (r == null) {
                rows.add(new NvDiffRow(e.getKey(), want, null, null, "-", true, "not on this device"));
                continue;
            }
            NvParam p = getDatabase().find(r.parameter(), ports());
            boolean differs = !matches(p, e.getValue(), r.next()) || !matches(p, e.getValue(), r.current());
            if (differs) rows.add(new NvDiffRow(r.parameter(), want, r.next(), r.current(), r.writer(), true, null));
        }
        return new NvDiff(dev.getName(), rows, expected.size());
    }

    /** Shows the differences from a baseline and sets them for the next boot (needs the configuration scope). */
    public NvChanges restore(String file) {
        return restore(Map.of(), file);
    }

    public NvChanges restore(Map<String, ?> options, String file) {
        NvDiff d = diff(file);
        say(d.toString());
        Map<String, Object> expected = NvBaseline.parameters(file);
        Map<String, Object> set = new LinkedHashMap<>();
        for (NvDiffRow r : d) {
            if (r.note() != null) {
                say("nv: skipping " + r.parameter() + ": " + r.note());
                continue;
            }
            NvParam p = getDatabase().find(r.parameter(), ports());
            if (!matches(p, expected.get(r.parameter()), r.next())) set.put(r.parameter(), expected.get(r.parameter()));
        }
        if (set.isEmpty()) {
            say("nv: nothing to restore for the next boot");
            return new NvChanges(List.of(), truthy(options.get("dryRun")));
        }
        if (truthy(options.get("dryRun"))) set.put("dryRun", true);
        return set(set);
    }

    private static boolean matches(NvParam p, Object expected, Object actual) {
        if (actual == null) return false;
        try {
            Object want = p.def().parse(expected instanceof String s && p.def().isArray() ? List.of(s.split(",")) : expected);
            return NvText.same(want, actual);
        } catch (NvException e) {
            return NvText.show(expected).equals(NvText.show(actual));
        }
    }

    // ---- shared ----

    private static final class Target {
        final NvParam param;
        final int index;
        Object value;

        Target(NvParam param, int index) {
            this.param = param;
            this.index = index;
        }

        String label() {
            return index < 0 ? param.name() : param.name() + "[" + index + "]";
        }
    }

    private Target target(String name) {
        Matcher m = ELEMENT.matcher(name.trim());
        if (m.matches()) {
            NvParam p = getDatabase().find(m.group(1), ports());
            int i = Integer.parseInt(m.group(2));
            if (!p.def().isArray()) throw new NvException(p.name() + " is not an array; drop [" + i + "]");
            if (i >= p.def().arrayLength()) throw new NvException(p.name() + "[" + i + "] is out of range; the array has elements 0.." + (p.def().arrayLength() - 1));
            return new Target(p, i);
        }
        return new Target(getDatabase().find(name, ports()), -1);
    }

    /** Reads the parameters' items in all modes and the items their expressions name in NEXT. */
    private NvState readFor(java.util.Collection<NvParam> params, boolean allModes, int inFlight) {
        Set<NvItem> items = new LinkedHashSet<>();
        Set<NvItem> refs = new LinkedHashSet<>();
        for (NvParam p : params) {
            items.add(p.item());
            refs.addAll(NvEval.referenced(getDatabase(), p));
        }
        refs.removeAll(items);
        items.addAll(refs);
        return NvState.read(regs, items, allModes, readable(), inFlight);
    }

    private static Map<NvItem, byte[]> nextData(NvState st) {
        Map<NvItem, byte[]> m = new LinkedHashMap<>();
        st.items.forEach((k, v) -> {
            if (v.supported()) m.put(k, v.next().clone());
        });
        return m;
    }

    /** Why a parameter cannot be read or set on this device, or null. */
    private String access(NvParam p, NvState.Item it) {
        TlvDef t = p.item().def();
        if (!t.fitsMnvda()) return "item " + t.name() + " holds " + t.size() + " bytes; MNVDA carries at most " + TlvDef.MAX_DATA;
        if (it == null || !it.supported()) return "not supported by this device (MNVQC: " + p.item().label() + " cannot be read)";
        if (!it.support().write()) return "the device does not let it be written (MNVQC: " + p.item().label() + " is read-only)";
        if (p.def().supportedFromVersion() > it.support().version()) {
            return "needs version " + p.def().supportedFromVersion() + " of " + p.item().label() + "; the device has version " + it.support().version();
        }
        return null;
    }

    private String unavailable(NvParam p, NvState.Item it, NvEval eval) {
        if (it == null || !it.supported()) return "not supported by this device (MNVQC: " + p.item().label() + " cannot be read)";
        if (p.def().supportedFromVersion() > it.support().version()) {
            return "needs version " + p.def().supportedFromVersion() + " of " + p.item().label() + "; the device has version " + it.support().version();
        }
        return eval.dependencyProblem(p);
    }

    private NvRow row(NvParam p, NvState.Item it) {
        ParamDef d = p.def();
        return new NvRow(p.name(), it.factory() == null ? null : d.decode(it.factory()), it.current() == null ? null : d.decode(it.current()),
                d.decode(it.next()), it.writer() == WriterId.UNSPECIFIED ? "-" : WriterId.name(it.writer()), !it.support().write(),
                p.item().label());
    }

    private static void refuse(List<String> refused) {
        if (!refused.isEmpty()) throw new NvException(String.join("\n", refused) + (refused.size() > 1 ? "\nnothing was sent" : "; nothing was sent"));
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.trim().toCharArray()) {
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o != null && !"false".equalsIgnoreCase(o.toString());
    }

    private void say(String line) {
        try {
            dev.output().append(line).append('\n');
        } catch (IOException e) {
            throw new FwshException("cannot print: " + e.getMessage());
        }
    }

    @Override
    public List<String> completionCandidates() {
        List<String> c = new ArrayList<>(List.of("query()", "query('", "set(", "reset('", "resetAll()", "backup('", "restore('", "diff(", "param('", "source", "database"));
        try {
            for (NvParam p : getDatabase().parameters(ports == null ? 2 : ports)) c.add(p.name());
        } catch (RuntimeException ignored) {
            // completion never fails
        }
        return c;
    }

    @Override
    public String describe() {
        return "dev.nv — NV configuration of " + dev.getName() + " by mlxconfig name (definitions: " + getSource() + ")"
                + "\n  query(), query('SRIOV*')        default, current, next boot and writer of each supported parameter"
                + "\n  nv.SRIOV_EN, nv['LINK_TYPE_P1']  the next-boot value; param('X') all of them"
                + "\n  set(SRIOV_EN: true, NUM_OF_VFS: 8[, dryRun: true])  next-boot values (withScope('configuration'))"
                + "\n  reset('NUM_OF_VFS'), resetAll()  back to defaults for the next boot"
                + "\n  backup('f.json'), restore('f.json'), diff('f.json')  baselines"
                + "\n  Changes take effect at the next reboot or firmware reset.";
    }

    @Override
    public String toString() {
        return "DeviceNv(" + dev.getName() + ", " + (db == null ? "definitions not loaded" : db.source()) + ")";
    }
}
