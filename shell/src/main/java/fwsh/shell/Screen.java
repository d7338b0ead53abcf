package fwsh.shell;

/**
 * How much of a result the REPL shows: a screenful of {@code lines} rows of {@code width} columns. Longer
 * results are cut and end in a "… N more" line, so a huge value neither floods the terminal nor takes long.
 */
public record Screen(int lines, int width) {
    public Screen {
        lines = Math.max(4, lines);
        width = Math.max(20, width);
    }

    /** Rows a result may use, keeping one for the "… N more" line. */
    int rows() {
        return lines - 1;
    }

    /** {@code text} cut to what fits (long lines wrap and count for each screen row they take). */
    String cut(String text) {
        StringBuilder out = new StringBuilder();
        int budget = rows();
        int start = 0;
        int total = text.length();
        while (start < total) {
            Interrupts.check();
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? total : nl;
            int rowsTaken = Math.max(1, (end - start + width - 1) / width);
            if (rowsTaken > budget) {
                if (budget > 0 && out.isEmpty()) {
                    // one line longer than the screen: show its start
                    out.append(text, start, start + budget * width).append('\n');
                    return out + "… " + (total - start - budget * width) + " more characters\n";
                }
                return out + "… " + countLines(text, start) + " more lines\n";
            }
            budget -= rowsTaken;
            out.append(text, start, end).append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    private static int countLines(String text, int from) {
        int n = 1;
        for (int i = from; i < text.length() - 1; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }
}
