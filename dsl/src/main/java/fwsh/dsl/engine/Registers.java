package fwsh.dsl.engine;

import fwsh.wire.Catalog;
import fwsh.wire.RegisterDef;
import groovy.lang.GroovyObjectSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code dev.reg}: every register in the catalog (built-in and imported), by name or id. */
public final class Registers extends GroovyObjectSupport implements Describable, Completable {
    private final java.util.function.Supplier<Catalog> catalogs;
    private final RpcEngine engine;
    private final Map<String, Register> cache = new ConcurrentHashMap<>();
    private final PortProtocols protocols = new PortProtocols(this);

    public Registers(java.util.function.Supplier<Catalog> catalogs, RpcEngine engine) {
        this.catalogs = catalogs;
        this.engine = engine;
    }

    @Override
    public Object getProperty(String name) {
        return get(name);
    }

    /** By name (any case) or id: reg.get('PAOS'), reg.get('0x5006'), reg[0x5006]. */
    public Register get(Object nameOrId) {
        String key = nameOrId instanceof Number n ? "0x" + Long.toHexString(n.longValue()) : String.valueOf(nameOrId);
        return cache.computeIfAbsent(key, k -> {
            Catalog catalog = catalogs.get();
            return new Register(catalog.register(k), catalog.command("ACCESS_REG"), engine, protocols);
        });
    }

    public Register getAt(Object nameOrId) {
        return get(nameOrId);
    }

    /** The protocol of a port, "eth" or "ib", asked of the device (PTYS) once per port. */
    public String protocol(long localPort) {
        return protocols.protocol(localPort);
    }

    /** Register names, sorted. */
    public List<String> list() {
        List<String> names = new ArrayList<>();
        for (RegisterDef d : catalogs.get().registers()) names.add(d.name());
        names.sort(null);
        return names;
    }

    /** A table of every register: name, id, size, description. */
    public String ls() {
        StringBuilder sb = new StringBuilder();
        for (RegisterDef d : catalogs.get().registers()) {
            sb.append(String.format("%-16s 0x%04x %5d B  %s%n", d.name(), d.id(), d.layout().sizeBytes(),
                    d.description() == null ? "" : d.description()));
        }
        return sb.toString();
    }

    @Override
    public List<String> completionCandidates() {
        List<String> c = list();
        c.addAll(List.of("list()", "ls()", "describe()"));
        return c;
    }

    @Override
    public String describe() {
        return "dev.reg — " + catalogs.get().registers().size() + " registers. dev.reg.NAME.read(index: ...), .write(...), "
                + ".modify(index) { field = value }, .describe(); list() names them, ls() tabulates them.";
    }

    @Override
    public String toString() {
        return "Registers(" + catalogs.get().registers().size() + ")";
    }
}
