package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-second rates of a set of counters over one interval, with units ("packets/s", "B/s"). */
public final class Rates {
    private final List<CounterDef> defs;
    private final double[] perSecond;
    private final boolean[] cleared;
    private final long elapsedNanos;

    Rates(List<CounterDef> defs, long[] deltas, long elapsedNanos, boolean[] cleared) {
        this.defs = defs;
        this.elapsedNanos = elapsedNanos;
        this.cleared = cleared.clone();
        this.perSecond = new double[deltas.length];
        for (int i = 0; i < deltas.length; i++) perSecond[i] = elapsedNanos <= 0 ? Double.NaN : deltas[i] * 1e9 / elapsedNanos;
    }

    public List<CounterDef> defs() {
        return defs;
    }

    public long elapsedNanos() {
        return elapsedNanos;
    }

    /** The rate of one counter per second (NaN when no time passed). */
    public double rate(String name) {
        for (int i = 0; i < defs.size(); i++) if (defs.get(i).name().equals(name)) return perSecond[i];
        throw new ArgumentException(Names.unknown("counter", name, defs.stream().map(CounterDef::name).toList(), null));
    }

    public double rate(int i) {
        return perSecond[i];
    }

    /** The rate's unit for one counter, e.g. "B/s". */
    public String unit(String name) {
        for (CounterDef d : defs) if (d.name().equals(name)) return Units.rateUnit(d.unit());
        throw new ArgumentException(Names.unknown("counter", name, defs.stream().map(CounterDef::name).toList(), null));
    }

    /** The rate with its unit, scaled for bytes: "1.25 MB/s", "1000 packets/s". */
    public String format(String name) {
        for (int i = 0; i < defs.size(); i++) if (defs.get(i).name().equals(name)) return Units.formatRate(perSecond[i], defs.get(i).unit());
        throw new ArgumentException(Names.unknown("counter", name, defs.stream().map(CounterDef::name).toList(), null));
    }

    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) m.put(defs.get(i).name(), perSecond[i]);
        return m;
    }

    /** Aligned table: name, rate with unit (non-zero rates only unless {@code all}). */
    public String table(boolean all) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++)
            if (all || perSecond[i] != 0)
                rows.add(new String[]{defs.get(i).name(), Units.formatRate(perSecond[i], defs.get(i).unit()), cleared[i] ? "cleared" : ""});
        return TextTable.render(new String[]{"name", "rate", ""}, rows);
    }

    @Override
    public String toString() {
        return table(false);
    }
}
