package fwsh.dsl.engine;

import fwsh.wire.Field;
import fwsh.wire.Value;
import groovy.json.JsonOutput;
import groovy.lang.GroovyObjectSupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An immutable decoded register, command output or capability as scripts see it: fields as properties
 * ({@code v.admin_status}, {@code v['admin_status']}), a Scapy-style one-liner, {@code show()}, {@code toMap()},
 * {@code toJson()} and {@code diff(other)}.
 */
public class Decoded extends GroovyObjectSupport implements Describable, Completable {
    private final Value value;
    private final Supplier<Console> console;

    /** A value that prints {@code show()} to standard output (no session). */
    public Decoded(Value value) {
        this(value, () -> Console.of(System.out));
    }

    /** A value whose {@code show()} prints to {@code console} (the session's). */
    public Decoded(Value value, Supplier<Console> console) {
        this.value = value;
        this.console = console;
    }

    public Value value() {
        return value;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case "fields" -> getFields();
            case "layout" -> value.layout();
            case "bytes" -> value.bytes();
            case "counters" -> getCounters();
            default -> wrap(name, value.get(name));
        };
    }

    public Object getAt(String name) {
        return wrap(name, value.get(name));
    }

    /** The enum name of a field's value, e.g. name('admin_status') == 'up'; null when it has none. */
    public String name(String field) {
        return value.enumName(field);
    }

    /** A field's value as the codec reads it: the plain number of an enum field ({@code raw('oper_status') == 1}). */
    public Object raw(String field) {
        return value.get(field);
    }

    public List<String> getFields() {
        return new ArrayList<>(value.toMap().keySet());
    }

    /**
     * For registers with a counter set selected by a group (PPCNT, PDDR pages): the selected member's
     * counters by name; otherwise every numeric field.
     */
    public Map<String, Object> getCounters() {
        Map<String, Object> all = toMap();
        for (Field f : value.layout().fields()) {
            if (f.selector() != null && all.get(f.name()) instanceof Map<?, ?> union) {
                for (Object member : union.values()) {
                    if (member instanceof Map<?, ?> m) return castMap(m);
                }
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /**
     * Field name to value; nested layouts as maps, ASCII byte fields (PSID, names) as strings, enum fields as
     * {@link EnumValue}s (their names when printed or written as JSON, their numbers when compared).
     */
    public Map<String, Object> toMap() {
        return readable(value.toMap(), value.layout());
    }

    /** {@code toMap(raw: true)}: the codec's map, enum fields as plain numbers and byte fields as bytes. */
    public Map<String, Object> toMap(Map<String, ?> options) {
        return Boolean.TRUE.equals(options.get("raw")) ? value.toMap() : toMap();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readable(Map<String, Object> m, fwsh.wire.Layout layout) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Field f = layout == null ? null : layout.findField(k).orElse(null);
            if (v instanceof Map<?, ?> sub) out.put(k, readable((Map<String, Object>) sub, f == null ? null : f.layout()));
            else out.put(k, f == null ? v : readable(f, v));
        });
        return out;
    }

    /** ASCII byte fields as text, enum fields (and arrays of them) as EnumValues; anything else as it is. */
    private static Object readable(Field f, Object v) {
        if (f.ascii() && (v instanceof byte[] || v instanceof List)) return text(v);
        if (v instanceof Long n && !f.enumValues().isEmpty()) return new EnumValue(n, f);
        if (v instanceof List<?> l && f.element() != null && !f.element().enumValues().isEmpty()) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(readable(f.element(), o));
            return out;
        }
        return v;
    }

    static String text(Object bytesOrList) {
        byte[] b;
        if (bytesOrList instanceof byte[] raw) {
            b = raw;
        } else {
            List<?> l = (List<?>) bytesOrList;
            b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) b[i] = ((Number) l.get(i)).byteValue();
        }
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII).trim();
    }

    public String toJson() {
        return JsonOutput.toJson(toMap());
    }

    /** Fields that differ: name → [this value, other value]. */
    public Map<String, List<Object>> diff(Decoded other) {
        Map<String, Object> a = flatten(toMap(), "");
        Map<String, Object> b = flatten(other.toMap(), "");
        Map<String, List<Object>> d = new LinkedHashMap<>();
        for (String k : union(a, b)) {
            Object x = a.get(k), y = b.get(k);
            if (!Objects.deepEquals(x, y)) d.put(k, java.util.Arrays.asList(x, y));
        }
        return d;
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!a.containsKey(k)) keys.add(k);
        return keys;
    }

    private static Map<String, Object> flatten(Map<String, Object> m, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> sub) out.putAll(flatten(castMap(sub), prefix + k + "."));
            else out.put(prefix + k, v);
        });
        return out;
    }

    /** Prints the field table (offset, bits, field, hex, decimal, enum, description); {@link #showText()} returns it. */
    public void show() {
        console.get().print(showText());
    }

    public String showText() {
        return value.show();
    }

    private Object wrap(String name, Object v) {
        if (v instanceof Value nested) return new Decoded(nested, console);
        if (v instanceof Long || v instanceof byte[] || v instanceof List) {
            Field f = value.layout().findField(name).orElse(null);
            return f == null ? v : readable(f, v);
        }
        return v;
    }

    @Override
    public List<String> completionCandidates() {
        List<String> names = new ArrayList<>();
        for (Field f : value.layout().fields()) if (!f.isReserved()) names.add(f.name());
        names.addAll(List.of("show()", "showText()", "describe()", "toMap()", "toJson()", "diff(", "fields", "name(", "raw("));
        return names;
    }

    @Override
    public String describe() {
        return value.layout().describe();
    }

    @Override
    public String describe(int width) {
        return value.layout().describe(width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decoded d && java.util.Arrays.equals(d.value.bytes(), value.bytes())
                && d.value.layout().name().equals(value.layout().name());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(value.bytes());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
