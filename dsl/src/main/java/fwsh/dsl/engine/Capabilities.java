package fwsh.dsl.engine;

import fwsh.wire.CapabilityDef;
import fwsh.wire.Catalog;
import fwsh.wire.CommandDef;
import groovy.lang.GroovyObjectSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code dev.cap}: every capability type in the catalog, e.g. dev.cap.general, dev.cap.debug. */
public final class Capabilities extends GroovyObjectSupport implements Describable, Completable {
    private final java.util.function.Supplier<Catalog> catalogs;
    private final RpcEngine engine;
    private final Map<String, CapabilitySet> sets = new ConcurrentHashMap<>();

    public Capabilities(java.util.function.Supplier<Catalog> catalogs, RpcEngine engine) {
        this.catalogs = catalogs;
        this.engine = engine;
    }

    @Override
    public Object getProperty(String name) {
        return get(name);
    }

    public CapabilitySet get(String name) {
        Catalog catalog = catalogs.get();
        CapabilityDef def = catalog.capability(name);
        CommandDef query = catalog.command("QUERY_HCA_CAP");
        return sets.computeIfAbsent(def.name(), k -> new CapabilitySet(def, query, engine, CapabilitySet.MODE_CUR));
    }

    public List<String> list() {
        List<String> names = new ArrayList<>();
        for (CapabilityDef d : catalogs.get().capabilities()) names.add(d.name());
        return names;
    }

    /** Forgets what was read: the next access queries the device again (after a firmware reset). */
    public void refresh() {
        sets.clear();
    }

    @Override
    public List<String> completionCandidates() {
        return list();
    }

    @Override
    public String describe() {
        return "dev.cap — HCA capabilities (QUERY_HCA_CAP): " + String.join(", ", list())
                + ". dev.cap.general.log_max_qp is the current value, dev.cap.general.max.log_max_qp the maximum.";
    }

    @Override
    public String toString() {
        return "Capabilities(" + String.join(", ", list()) + ")";
    }
}
