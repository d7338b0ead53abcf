package fwsh.counters;

import fwsh.base.ArgumentException;

import java.util.Locale;

/**
 * A threshold on one counter: {@code NAME [value|delta|rate] OP NUMBER}, e.g. {@code 'rx_crc_errors_phy' rate > 0},
 * {@code temperature > 70}, {@code rx_discards_phy delta >= 10}. The metric defaults to {@code value}; {@code delta}
 * is the change since the previous sample (wrap-safe), {@code rate} that change per second.
 */
public record WatchRule(String counter, Metric metric, Op op, double threshold, String text) {

    public enum Metric {VALUE, DELTA, RATE}

    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");
        final String symbol;

        Op(String s) {
            symbol = s;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(double a, double b) {
            return switch (this) {
                case GT -> a > b;
                case GE -> a >= b;
                case LT -> a < b;
                case LE -> a <= b;
                case EQ -> a == b;
                case NE -> a != b;
            };
        }
    }

    static final String FORM = "expected NAME [value|delta|rate] OP NUMBER with OP one of > >= < <= == !=, e.g. 'rx_crc_errors_phy' rate > 0";

    /** True when {@code observed} breaches this rule. */
    public boolean breached(double observed) {
        return !Double.isNaN(observed) && op.test(observed, threshold);
    }

    /** Parses one rule; any mistake is one ArgumentException line naming the rule, the column and the form. */
    public static WatchRule parse(String text) {
        if (text == null || text.isBlank()) throw new ArgumentException("empty watch rule; " + FORM);
        int[] pos = {0};
        String s = text;
        skip(s, pos);
        String name;
        if (s.charAt(pos[0]) == '\'' || s.charAt(pos[0]) == '"') {
            char q = s.charAt(pos[0]);
            int end = s.indexOf(q, pos[0] + 1);
            if (end < 0) throw error(text, pos[0], "unclosed quote " + q);
            name = s.substring(pos[0] + 1, end);
            if (name.isBlank()) throw error(text, pos[0], "empty counter name");
            pos[0] = end + 1;
        } else {
            int start = pos[0];
            while (pos[0] < s.length() && isNameChar(s.charAt(pos[0]))) pos[0]++;
            if (start == pos[0]) throw error(text, start, "expected a counter name");
            name = s.substring(start, pos[0]);
        }
        skip(s, pos);
        Metric metric = Metric.VALUE;
        int wordStart = pos[0];
        while (pos[0] < s.length() && Character.isLetter(s.charAt(pos[0]))) pos[0]++;
        if (pos[0] > wordStart) {
            String w = s.substring(wordStart, pos[0]).toLowerCase(Locale.ROOT);
            metric = switch (w) {
                case "value" -> Metric.VALUE;
                case "delta" -> Metric.DELTA;
                case "rate" -> Metric.RATE;
                default -> throw error(text, wordStart, "unknown metric '" + w + "' (value, delta or rate)");
            };
            skip(s, pos);
        }
        int opStart = pos[0];
        Op op = null;
        for (String sym : new String[]{">=", "<=", "==", "!=", ">", "<"})
            if (s.startsWith(sym, pos[0])) {
                for (Op o : Op.values()) if (o.symbol.equals(sym)) op = o;
                pos[0] += sym.length();
                break;
            }
        if (op == null) throw error(text, opStart, pos[0] >= s.length() ? "missing operator" : "expected an operator");
        skip(s, pos);
        int numStart = pos[0];
        String num = s.substring(numStart).strip();
        if (num.isEmpty()) throw error(text, numStart, "missing number after " + op.symbol);
        double threshold;
        try {
            String n = num.replace("_", "");
            threshold = n.startsWith("0x") || n.startsWith("0X") ? Long.parseLong(n.substring(2), 16) : Double.parseDouble(n);
            if (Double.isNaN(threshold) || n.endsWith("d") || n.endsWith("f") || n.endsWith("D") || n.endsWith("F"))
                throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw error(text, numStart, "'" + num + "' is not a number");
        }
        return new WatchRule(name, metric, op, threshold, text.strip());
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-' || c == '/';
    }

    private static void skip(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) pos[0]++;
    }

    private static ArgumentException error(String text, int col, String what) {
        return new ArgumentException("watch rule \"" + text + "\": " + what + " at column " + (col + 1) + "; " + FORM);
    }

    @Override
    public String toString() {
        return counter + (metric == Metric.VALUE ? "" : " " + metric.name().toLowerCase(Locale.ROOT)) + " " + op.symbol + " "
                + Units.number(threshold);
    }
}
