package fwsh.counters;

import java.util.List;

/** Aligned plain-text tables: text columns left-aligned, numeric-looking columns right-aligned. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(String[] header, List<String[]> rows) {
        int n = header.length;
        int[] w = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            w[c] = header[c].length();
            numeric[c] = !rows.isEmpty();
        }
        for (String[] r : rows)
            for (int c = 0; c < n; c++) {
                String cell = c < r.length && r[c] != null ? r[c] : "";
                w[c] = Math.max(w[c], cell.codePointCount(0, cell.length()));
                if (!cell.isEmpty() && !looksNumeric(cell)) numeric[c] = false;
            }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w, numeric);
        for (String[] r : rows) line(sb, r, w, numeric);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] r, int[] w, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < w.length; c++) {
            String cell = c < r.length && r[c] != null ? r[c] : "";
            int pad = w[c] - cell.codePointCount(0, cell.length());
            if (c > 0) l.append("  ");
            if (right[c]) l.append(" ".repeat(pad)).append(cell);
            else l.append(cell).append(c == w.length - 1 ? "" : " ".repeat(pad));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static boolean looksNumeric(String s) {
        char c = s.charAt(0);
        return Character.isDigit(c) || ((c == '-' || c == '+') && s.length() > 1 && Character.isDigit(s.charAt(1)));
    }
}
