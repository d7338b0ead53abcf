package fwsh.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The raw definitions of a catalog or catalog fragment, as parsed or imported (mutable while built). */
public final class CatalogSource {
    public record Reg(String name, int id, String layout, String description, String source) {
    }

    public record Cmd(String name, int opcode, String in, String out, String description, String source) {
    }

    public record Cap(String name, int type, String layout, String description, String source) {
    }

    public final Map<String, LayoutDef> layouts = new LinkedHashMap<>();
    public final Map<String, Map<String, Long>> enums = new LinkedHashMap<>();
    public final Map<String, Reg> registers = new LinkedHashMap<>();
    public final Map<String, Cmd> commands = new LinkedHashMap<>();
    public final Map<String, Integer> opcodes = new LinkedHashMap<>();
    public final Map<Integer, StatusDef> statuses = new LinkedHashMap<>();
    public final Map<String, Cap> capabilities = new LinkedHashMap<>();
    /** What happened while reading: skipped constructs (file:line), replacements. */
    public final List<String> notes = new ArrayList<>();
    /**
     * Notes (keys, also in {@link #notes}) about layouts that use a layout no file loaded so far defines, with the
     * layout each is about: {@link Catalog#settled()} drops the ones another file resolved.
     */
    public final Map<String, String> unresolved = new LinkedHashMap<>();

    public CatalogSource copy() {
        CatalogSource c = new CatalogSource();
        layouts.forEach((k, v) -> c.layouts.put(k, v.copy()));
        enums.forEach((k, v) -> c.enums.put(k, new LinkedHashMap<>(v)));
        c.registers.putAll(registers);
        c.commands.putAll(commands);
        c.opcodes.putAll(opcodes);
        c.statuses.putAll(statuses);
        c.capabilities.putAll(capabilities);
        c.notes.addAll(notes);
        c.unresolved.putAll(unresolved);
        return c;
    }
}
