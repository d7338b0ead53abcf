package fwsh.shell;

import fwsh.dsl.engine.Hexdump;
import fwsh.dsl.engine.Shown;
import org.codehaus.groovy.runtime.FormatHelper;
import org.codehaus.groovy.runtime.InvokerHelper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders results for people (aligned tables, hexdumps, one-liners) or for pipelines (JSON, CSV).
 * Value objects (register values and the like) print as their toString one-liner; their {@code toMap()}
 * feeds table columns and JSON, their {@code toRows()} (else their one row) CSV. Given a {@link Screen}
 * (the REPL), a result is cut to a screenful and ends in "… N more".
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
        return echo(result, null);
    }

    public String echo(Object result, Screen screen) {
        boolean printed = Shown.alreadyPrinted(result);
        return printed && format == Format.TABLE ? "" : render(result, screen);
    }

    /** The text to print for {@code value}, ending in a newline; empty for null (nothing to show). */
    public String render(Object value) {
        return render(value, null);
    }

    /** As {@link #render(Object)}, cut to {@code screen} when it is not null. */
    public String render(Object value, Screen screen) {
        if (value == null) return "";
        return switch (format) {
            case JSON -> json(value, screen);
            case CSV -> csv(value, screen);
            case TABLE -> table(value, screen);
        };
    }

    private String json(Object value, Screen screen) {
        if (screen == null) return JsonForm.of(value) + "\n";
        Cut cut = Cut.of(value, screen.rows());
        return JsonForm.of(cut.value) + "\n" + cut.more();
    }

    private String csv(Object value, Screen screen) {
        if (screen == null) return Csv.render(rowsOrValues(value));
        Cut cut = Cut.of(value, screen.rows() - 1);
        return Csv.render(rowsOrValues(cut.value)) + cut.more();
    }

    private String table(Object value, Screen screen) {
        if (value instanceof CharSequence s) return text(s.toString(), screen);
        if (value instanceof byte[] bytes) return hexdump(bytes, screen);
        int cellLimit = screen == null ? -1 : screen.width() * 2;
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) return "[:]\n";
            Cut cut = Cut.of(m, screen == null ? Integer.MAX_VALUE : screen.rows());
            Table t = new Table(List.of("key", "value"));
            ((Map<?, ?>) cut.value).forEach((k, v) -> {
                Interrupts.check();
                t.row(List.of(cell(k, cellLimit), cell(v, cellLimit)));
            });
            return t.render(color, false) + cut.more();
        }
        int size = Structure.size(value);
        // A top-level value keeps its own layout: multi-line toString() (tables, summaries) prints as is.
        if (size < 0) return text(InvokerHelper.toString(value), screen);
        if (size == 0) return "[]\n";
        if (size * 2 <= INLINE_WIDTH) {
            List<Object> all = Structure.asList(value);
            String inline = cell(all, -1);
            if (inline.length() <= INLINE_WIDTH && all.stream().allMatch(Structure::isScalar)) return endLine(inline);
        }
        List<Object> list = Structure.head(value, screen == null ? Integer.MAX_VALUE : screen.rows() - 2);
        String more = Cut.more(size - list.size());
        if (allRows(list)) {
            List<Map<String, Object>> maps = new ArrayList<>();
            for (Object e : list) {
                Interrupts.check();
                maps.add(Structure.asMap(e));
            }
            List<String> columns = Structure.columns(maps);
            Table t = new Table(columns);
            for (Map<String, Object> m : maps) {
                Interrupts.check();
                List<String> cells = new ArrayList<>();
                for (String c : columns) cells.add(m.containsKey(c) ? cell(m.get(c), cellLimit) : "");
                t.row(cells);
            }
            return t.render(color, true) + more;
        }
        Table t = new Table(List.of("#", "value"));
        for (int i = 0; i < list.size(); i++) {
            Interrupts.check();
            t.row(List.of(String.valueOf(i), cell(list.get(i), cellLimit)));
        }
        return t.render(color, false) + more;
    }

    private static boolean allRows(List<Object> list) {
        for (Object e : list) {
            Interrupts.check();
            if (!Structure.isRow(e)) return false;
        }
        return true;
    }

    private static String text(String s, Screen screen) {
        return screen == null ? endLine(s) : screen.cut(s);
    }

    private static String hexdump(byte[] bytes, Screen screen) {
        int max = screen == null ? Integer.MAX_VALUE : screen.rows() * 16;
        if (bytes.length <= max) return Hexdump.of(bytes);
        return Hexdump.of(bytes, 0, max) + "… " + (bytes.length - max) + " more bytes\n";
    }

    /** For CSV: a value's rows, a list of rows (maps) or of plain values. */
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
        if (Structure.hasRows(value)) return Structure.rows(value);
        if (Structure.hasToMap(value)) return List.of(Structure.asMap(value));
        List<Object> list = value instanceof byte[] ? null : Structure.asList(value);
        if (list == null) return cell(value, -1);
        if (!list.isEmpty() && allRows(list)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object e : list) rows.add(Structure.asMap(e));
            return rows;
        }
        List<String> cells = new ArrayList<>();
        for (Object e : list) cells.add(cell(e, -1));
        return cells;
    }

    /** One-line text of a value inside a table or CSV cell; at most {@code limit} characters unless it is -1. */
    static String cell(Object v, int limit) {
        if (v == null) return "";
        String s;
        if (v instanceof byte[] b) s = Hexdump.hex(limit < 0 ? b : Arrays.copyOf(b, Math.min(b.length, limit / 2 + 1)));
        else s = v instanceof CharSequence cs ? cs.toString() : FormatHelper.format(v, false, limit);
        if (limit >= 0 && s.length() > limit) s = s.substring(0, limit) + "...";
        return s.replace("\n", "\\n");
    }

    static String cell(Object v) {
        return cell(v, -1);
    }

    private static String endLine(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }

    /** A collection, array or map cut to its first {@code n} elements, and how many were left out. */
    private record Cut(Object value, int left) {
        static Cut of(Object value, int n) {
            int keep = Math.max(1, n);
            if (value instanceof Map<?, ?> m && m.size() > keep) {
                Map<Object, Object> head = new LinkedHashMap<>();
                Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
                while (head.size() < keep) {
                    Map.Entry<?, ?> e = it.next();
                    head.put(e.getKey(), e.getValue());
                }
                return new Cut(head, m.size() - keep);
            }
            int size = Structure.size(value);
            if (size > keep && !(value instanceof byte[])) return new Cut(Structure.head(value, keep), size - keep);
            return new Cut(value, 0);
        }

        String more() {
            return more(left);
        }

        static String more(int left) {
            return left > 0 ? "… " + left + " more\n" : "";
        }
    }
}
