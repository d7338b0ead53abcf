package fwsh.dsl.engine;

import fwsh.wire.Catalog;
import fwsh.wire.CommandDef;
import fwsh.wire.Field;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dev.cmd.NAME(fields...)}: any command layout in the catalog, encoded from named fields and
 * decoded from the output. Commands whose name starts with QUERY_ (and NOP) are reads; every other
 * command is treated as a state change (journaled, needs a raised scope).
 */
public final class Commands extends GroovyObjectSupport implements Describable, Completable, ArgumentCompletable {
    private final java.util.function.Supplier<Catalog> catalogs;
    private final RpcEngine engine;

    public Commands(java.util.function.Supplier<Catalog> catalogs, RpcEngine engine) {
        this.catalogs = catalogs;
        this.engine = engine;
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        Object[] a = (Object[]) args;
        if (a.length > 1 || (a.length == 1 && !(a[0] instanceof Map))) {
            throw new MissingMethodException(name, Commands.class, a);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = a.length == 0 ? Map.of() : (Map<String, Object>) a[0];
        return call(name, fields);
    }

    /** outlen: overrides the output size (for layouts with a variable tail). */
    public Decoded call(String name, Map<String, Object> fieldsAndOptions) {
        CommandDef def = catalogs.get().command(name);
        Map<String, Object> fields = new LinkedHashMap<>(fieldsAndOptions);
        Object outlenOpt = fields.remove("outlen");
        int outLen = RpcArguments.length("dev.cmd." + def.name(), "outlen", outlenOpt, engine.info(),
                Math.max(16, def.out().sizeBytes()));
        int opMod = fields.get("op_mod") instanceof Number n ? n.intValue() : 0;
        Map<String, Object> header = new LinkedHashMap<>(fields);
        header.put("opcode", def.opcode());
        byte[] in = def.in().encode(header);
        boolean write = !isRead(def.name());
        byte[] out = engine.send(new RpcRequest(engine.route(def.name(), def.opcode(), opMod, write, null), in,
                outLen, write ? fields : null, null));
        return engine.decoded(def.out().decode(out, 0));
    }

    static boolean isRead(String command) {
        return command.startsWith("QUERY_") || command.equals("NOP");
    }

    public List<String> list() {
        List<String> names = new ArrayList<>();
        for (CommandDef d : catalogs.get().commands()) names.add(d.name());
        names.sort(null);
        return names;
    }

    @Override
    public List<String> completionCandidates() {
        List<String> c = new ArrayList<>();
        for (String n : list()) c.add(n + "(");
        return c;
    }

    @Override
    public List<String> argumentNames(String method) {
        List<String> names = new ArrayList<>();
        catalogs.get().findCommand(method).ifPresent(d -> {
            for (Field f : d.in().fields()) {
                if (!f.isReserved() && !f.name().equals("opcode") && !f.name().equals("uid")) names.add(f.name());
            }
        });
        return names;
    }

    @Override
    public List<String> argumentValues(String method, String argument) {
        return catalogs.get().findCommand(method).flatMap(d -> d.in().findField(argument))
                .map(f -> List.copyOf(f.enumValues().keySet())).orElse(List.of());
    }

    @Override
    public String describe() {
        return "dev.cmd — " + catalogs.get().commands().size() + " commands: dev.cmd.QUERY_ADAPTER(), "
                + "dev.cmd.QUERY_VPORT_COUNTER(clear: 1); list() names them.";
    }

    @Override
    public String toString() {
        return "Commands(" + catalogs.get().commands().size() + ")";
    }
}
