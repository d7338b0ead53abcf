package fwsh.shell;

import fwsh.dsl.engine.Hexdump;
import fwsh.dsl.engine.Shown;
import groovy.json.JsonOutput;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders results for people (aligned tables, hexdumps, one-liners) or for pipelines (JSON, CSV).
 * Value objects (register values and the like) print as their toString one-liner; their {@code toMap()}
 * feeds table columns, JSON and CSV.
 */
public final class Printer {
    /** Lists of plain values up to this width print inline, like Groovy does: [1, 2, 3]. */
    private static final int INLINE_WIDTH = 100;

    private final Format format;
    private final boolean color;

    public Printer(Format format, boolean color) {
        this.format = format == null ? Format.TABLE : format;
        this.color = color;
    }

    public Format format() {
        return format;
    }

    /**
     * The text the shell shows for a command's result: as {@link #render}, but nothing when the command already
     * printed that value itself (a trace summary), unless the format is JSON or CSV, which pipelines read.
     */
    public String echo(Object result) {
        boolean printed = Shown.alreadyPrinted(result);
        return printed && format == Format.TABLE ? "" : render(result);
    }

    /** The text to print for {@code value}, ending in a newline; empty for null (nothing to show). */
    public String render(Object value) {
        if (value == null) return "";
        return switch (format) {
            case JSON -> JsonOutput.toJson(jsonable(value)) + "\n";
            case CSV -> Csv.render(rowsOrValues(value));
            case TABLE -> table(value);
        };
    }

    private String table(Object value) {
        if (value instanceof CharSequence s) return endLine(s.toString());
        if (value instanceof byte[] bytes) return Hexdump.of(bytes);
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) return "[:]\n";
            Table t = new Table(List.of("key", "value"));
            m.forEach((k, v) -> t.row(List.of(cell(k), cell(v))));
            return t.render(color, false);
        }
        List<Object> list = asList(value);
        // A top-level value keeps its own layout: multi-line toString() (tables, summaries) prints as is.
        if (list == null) return endLine(InvokerHelper.toString(value));
        if (list.isEmpty()) return "[]\n";
        if (list.stream().allMatch(e -> e != null && (e instanceof Map || hasToMap(e)))) {
            List<Map<String, Object>> maps = new ArrayList<>();
            for (Object e : list) maps.add(asMap(e));
            List<String> columns = columns(maps);
            Table t = new Table(columns);
            for (Map<String, Object> m : maps) {
                List<String> cells = new ArrayList<>();
                for (String c : columns) cells.add(m.containsKey(c) ? cell(m.get(c)) : "");
                t.row(cells);
            }
            return t.render(color, true);
        }
        String inline = cell(list);
        if (inline.length() <= INLINE_WIDTH && list.stream().allMatch(Printer::isScalar)) return endLine(inline);
        Table t = new Table(List.of("#", "value"));
        for (int i = 0; i < list.size(); i++) t.row(List.of(String.valueOf(i), cell(list.get(i))));
        return t.render(color, false);
    }

    /** For CSV: a list of rows (maps) or of plain values. */
    private Object rowsOrValues(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<Map<String, Object>> rows = new ArrayList<>();
            m.forEach((k, v) -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("key", k);
                r.put("value", v);
                rows.add(r);
            });
            return rows;
        }
        if (hasToMap(value)) return List.of(asMap(value));
        List<Object> list = value instanceof byte[] ? null : asList(value);
        if (list == null) return cell(value);
        if (!list.isEmpty() && list.stream().allMatch(e -> e != null && (e instanceof Map || hasToMap(e)))) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object e : list) rows.add(asMap(e));
            return rows;
        }
        List<String> cells = new ArrayList<>();
        for (Object e : list) cells.add(cell(e));
        return cells;
    }

    static List<String> columns(List<Map<String, Object>> rows) {
        Set<String> cols = new LinkedHashSet<>();
        for (Map<String, Object> m : rows) cols.addAll(m.keySet());
        return new ArrayList<>(cols);
    }

    /** One-line text of a value inside a table or CSV cell. */
    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof byte[] b) return Hexdump.hex(b);
        if (v instanceof CharSequence s) return s.toString().replace("\n", "\\n");
        return InvokerHelper.toString(v).replace("\n", "\\n");
    }

    /** The structure JSON sees: toMap() objects as objects, bytes as hex, anything else unknown as text. */
    static Object jsonable(Object v) {
        if (v == null || v instanceof Boolean) return v;
        // a Number of the JDK is a JSON number; another one (an NV value such as True(1)) is its text
        if (v instanceof Number) return v.getClass().getName().startsWith("java.") ? v : v.toString();
        if (v instanceof CharSequence || v instanceof Character || v instanceof Enum) return v.toString();
        if (v instanceof byte[] b) return Hexdump.hex(b);
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), jsonable(x)));
            return out;
        }
        if (hasToMap(v)) return jsonable(asMap(v));
        List<Object> list = asList(v);
        if (list != null) {
            List<Object> out = new ArrayList<>();
            for (Object e : list) out.add(jsonable(e));
            return out;
        }
        return v.toString();
    }

    static boolean hasToMap(Object v) {
        if (v == null || v instanceof Map || v instanceof Collection || v instanceof CharSequence
                || v instanceof Number || v.getClass().isArray()) return false;
        return v instanceof Record || respondsToToMap(v); // a record maps its components (a trace summary's counts)
    }

    private static boolean respondsToToMap(Object v) {
        try {
            return !InvokerHelper.getMetaClass(v).respondsTo(v, "toMap", new Object[0]).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v) {
        if (v instanceof Record r && !respondsToToMap(r)) return components(r);
        Object m = v instanceof Map ? v : InvokerHelper.invokeMethod(v, "toMap", null);
        if (!(m instanceof Map<?, ?> map)) {
            throw new IllegalStateException(v.getClass().getSimpleName() + ".toMap() did not return a Map");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
    }

    private static Map<String, Object> components(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
            }
        }
        return out;
    }

    /** Collections and arrays as a list; null for anything else. */
    static List<Object> asList(Object v) {
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v != null && v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(Array.get(v, i));
            return out;
        }
        return null;
    }

    private static boolean isScalar(Object v) {
        return v == null || v instanceof Number || v instanceof CharSequence || v instanceof Boolean
                || v instanceof Character || v instanceof Enum;
    }

    private static String endLine(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }
}
