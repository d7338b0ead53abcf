package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several sources behind one name space. A counter is addressed by its bare name, or as {@code source:name}.
 * Bare names must be unique across sources (the constructor says which two sources clash).
 */
public final class CompositeSource {

    private record Entry(CounterSource source, int index, CounterDef def) {
    }

    private final List<CounterSource> sources;
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<String, String> labels;

    /** @param labels constant labels for exports, e.g. {@code device=mlx5_0, port=1}; may be empty */
    public CompositeSource(List<? extends CounterSource> sources, Map<String, String> labels) {
        this.sources = List.copyOf(sources);
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (CounterSource s : this.sources) {
            List<CounterDef> defs = s.counters();
            for (int i = 0; i < defs.size(); i++) {
                CounterDef d = defs.get(i);
                Entry prev = byName.putIfAbsent(d.name(), new Entry(s, i, d));
                if (prev != null)
                    throw new IllegalArgumentException("counter name " + d.name() + " is offered by both " + prev.source().name()
                            + " and " + s.name() + "; rename one of them in its source");
            }
        }
    }

    public CompositeSource(List<? extends CounterSource> sources) {
        this(sources, Map.of());
    }

    public List<CounterSource> sources() {
        return sources;
    }

    /** Constant labels (device, port...) used by exporters. */
    public Map<String, String> labels() {
        return labels;
    }

    /** Every counter, in source order. */
    public List<CounterDef> list() {
        List<CounterDef> out = new ArrayList<>(byName.size());
        for (Entry e : byName.values()) out.add(e.def());
        return out;
    }

    /** Counters whose name, group or description contains {@code text} (case-insensitive). */
    public List<CounterDef> list(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        List<CounterDef> out = new ArrayList<>();
        for (CounterDef d : list())
            if (d.name().toLowerCase(Locale.ROOT).contains(t) || d.group().toLowerCase(Locale.ROOT).contains(t)
                    || d.description().toLowerCase(Locale.ROOT).contains(t)) out.add(d);
        return out;
    }

    /** An aligned table of name, group, unit, kind/width and description. */
    public String listTable() {
        List<String[]> rows = new ArrayList<>();
        for (CounterDef d : list())
            rows.add(new String[]{d.name(), d.group(), d.unit(), (d.isGauge() ? "gauge" : "counter") + "/" + d.widthBits(), d.description()});
        return TextTable.render(new String[]{"name", "group", "unit", "kind", "description"}, rows);
    }

    public boolean contains(String name) {
        return find(name) != null;
    }

    /** The definition of one counter, or IllegalArgumentException with "did you mean". */
    public CounterDef def(String name) {
        return resolve(name).def();
    }

    /** Prepares an allocation-free batch read of {@code names}, in that order. Duplicates are rejected. */
    public CounterSelection select(Collection<String> names) {
        if (names.isEmpty()) throw new ArgumentException("no counters selected; pass at least one name (see list())");
        List<Entry> entries = new ArrayList<>(names.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            Entry e = resolve(n);
            if (!seen.add(e.def().name())) throw new ArgumentException("counter " + e.def().name() + " is selected twice");
            entries.add(e);
        }
        List<CounterSource> srcs = new ArrayList<>();
        for (Entry e : entries) if (!srcs.contains(e.source())) srcs.add(e.source());
        int[][] idx = new int[srcs.size()][];
        int[][] pos = new int[srcs.size()][];
        for (int s = 0; s < srcs.size(); s++) {
            List<Integer> i = new ArrayList<>(), p = new ArrayList<>();
            for (int k = 0; k < entries.size(); k++)
                if (entries.get(k).source() == srcs.get(s)) {
                    i.add(entries.get(k).index());
                    p.add(k);
                }
            idx[s] = i.stream().mapToInt(Integer::intValue).toArray();
            pos[s] = p.stream().mapToInt(Integer::intValue).toArray();
        }
        List<CounterDef> defs = new ArrayList<>();
        for (Entry e : entries) defs.add(e.def());
        return new CounterSelection(defs, srcs.toArray(new CounterSource[0]), idx, pos, labels);
    }

    /** Selects every counter of every source. */
    public CounterSelection selectAll() {
        return select(byName.keySet());
    }

    /** Reads the named counters once (host time from {@link System#nanoTime()}). */
    public Snapshot snapshot(Collection<String> names) {
        return select(names).snapshot();
    }

    /** Reads every counter once. */
    public Snapshot snapshot() {
        return selectAll().snapshot();
    }

    private Entry find(String name) {
        if (name == null) return null;
        Entry e = byName.get(name);
        if (e != null) return e;
        int colon = name.indexOf(':');
        if (colon > 0) {
            e = byName.get(name.substring(colon + 1));
            if (e != null && e.source().name().equals(name.substring(0, colon))) return e;
        }
        return null;
    }

    private Entry resolve(String name) {
        Entry e = find(name);
        if (e == null) throw new ArgumentException(Names.unknown("counter", String.valueOf(name), byName.keySet(), "list() shows all counters"));
        return e;
    }
}
