package fwsh.shell;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns (numbers right-aligned), an optional bold header and a dashed rule under it. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] numeric;

    Table(List<String> header) {
        this.header = header;
        this.numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, true);
    }

    Table row(List<String> cells) {
        rows.add(cells);
        for (int c = 0; c < numeric.length; c++) {
            String v = c < cells.size() ? cells.get(c) : "";
            if (!v.isEmpty() && !isNumber(v)) numeric[c] = false;
        }
        return this;
    }

    String render(boolean color, boolean showHeader) {
        int n = header.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) width[c] = showHeader ? header.get(c).length() : 0;
        for (List<String> r : rows) {
            Interrupts.check();
            for (int c = 0; c < n; c++) width[c] = Math.max(width[c], cell(r, c).length());
        }
        StringBuilder b = new StringBuilder();
        if (showHeader) {
            line(b, header, width, true, color ? "\u001b[1m" : null);
            List<String> rule = new ArrayList<>();
            for (int c = 0; c < n; c++) rule.add("-".repeat(width[c]));
            line(b, rule, width, false, null);
        }
        for (List<String> r : rows) {
            Interrupts.check();
            line(b, r, width, true, null);
        }
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] width, boolean data, String sgr) {
        int start = b.length();
        for (int c = 0; c < width.length; c++) {
            String v = cell(cells, c);
            boolean last = c == width.length - 1;
            if (c > 0) b.append("  ");
            String padded = data && numeric[c] ? " ".repeat(width[c] - v.length()) + v
                    : last ? v : v + " ".repeat(width[c] - v.length());
            if (sgr != null) b.append(sgr).append(padded).append("\u001b[0m");
            else b.append(padded);
        }
        // trailing blanks of an empty last cell are noise in pipes and diffs
        while (b.length() > start && b.charAt(b.length() - 1) == ' ') b.setLength(b.length() - 1);
        b.append('\n');
    }

    private static String cell(List<String> r, int c) {
        return c < r.size() && r.get(c) != null ? r.get(c) : "";
    }

    static boolean isNumber(String v) {
        return v.matches("-?(0x[0-9a-fA-F]+|[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?)");
    }
}
