package fwsh.shell;

import java.util.List;
import java.util.Map;

/** RFC 4180-style CSV: a header row for lists of rows, plain lines for values. */
final class Csv {
    private Csv() {
    }

    @SuppressWarnings("unchecked")
    static String render(Object rowsOrValues) {
        StringBuilder b = new StringBuilder();
        if (rowsOrValues instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) list;
            List<String> columns = Structure.columns(rows);
            line(b, columns);
            for (Map<String, Object> r : rows) {
                b.append(String.join(",", columns.stream().map(c -> field(Printer.cell(r.get(c)))).toList())).append('\n');
            }
        } else if (rowsOrValues instanceof List<?> list) {
            for (Object v : list) b.append(field(String.valueOf(v))).append('\n');
        } else {
            b.append(field(String.valueOf(rowsOrValues))).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append(String.join(",", cells.stream().map(Csv::field).toList())).append('\n');
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
