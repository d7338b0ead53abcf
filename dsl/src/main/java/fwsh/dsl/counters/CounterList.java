package fwsh.dsl.counters;

import fwsh.counters.CounterDef;
import fwsh.counters.TextTable;

import java.util.ArrayList;

import java.util.Iterator;
import java.util.List;

/** The result of {@code dev.counters.list()}: the counter definitions, printed as an aligned table. */
public final class CounterList implements Iterable<CounterDef> {
    private final List<CounterDef> defs;

    CounterList(List<CounterDef> defs) {
        this.defs = List.copyOf(defs);
    }

    public List<CounterDef> getDefs() {
        return defs;
    }

    public List<String> getNames() {
        return defs.stream().map(CounterDef::name).toList();
    }

    public int size() {
        return defs.size();
    }

    public boolean isEmpty() {
        return defs.isEmpty();
    }

    public CounterDef getAt(int i) {
        return defs.get(i);
    }

    @Override
    public Iterator<CounterDef> iterator() {
        return defs.iterator();
    }

    /** One row per counter, for JSON (an array) and CSV. */
    public List<java.util.Map<String, Object>> toRows() {
        return defs.stream().map(CounterDef::toMap).toList();
    }

    /** name, group, unit, kind/width, description. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        for (CounterDef d : defs)
            rows.add(new String[]{d.name(), d.group(), d.unit(), (d.isGauge() ? "gauge" : "counter") + "/" + d.widthBits(), d.description()});
        return TextTable.render(new String[]{"name", "group", "unit", "kind", "description"}, rows);
    }

    @Override
    public String toString() {
        return defs.isEmpty() ? "(no counters)" : table();
    }
}
