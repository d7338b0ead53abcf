package fwsh.nv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The expressions of mstflint's params table (dependency, min_val, max_val, rule, temp_vars), which mlxconfig hands
 * to muParser: numbers, {@code $param} and {@code $tlv.param} variables, {@code + - * / ^}, comparisons,
 * {@code && ||}, {@code ?:}, parentheses and the functions the database uses (log2, BitwiseOr, BitwiseAnd, ...).
 * Evaluated in doubles as muParser does. Anything else is refused at parse time with one line saying what and where.
 */
public final class Expression {
    private final String text;
    private final Node root;
    private final Set<String> variables = new LinkedHashSet<>();

    private Expression(String text) {
        this.text = text;
        this.root = new Parser(text, variables).parse();
    }

    /** Parsed once per text: a query evaluates the same dependencies again and again. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Expression> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    public static Expression parse(String text) {
        Expression e = PARSED.get(text);
        if (e != null) return e;
        e = new Expression(text);
        if (PARSED.size() < 10_000) PARSED.put(text, e);
        return e;
    }

    public String text() {
        return text;
    }

    /** Variable names without the '$' ({@code nv_global_pci_cap.sriov_support}, {@code num_pfs}, {@code _calculatedTotalBar}). */
    public Set<String> variables() {
        return Collections.unmodifiableSet(variables);
    }

    /** The value; {@code vars} gives each variable's value (or throws). */
    public double evaluate(Function<String, Double> vars) {
        return root.eval(vars);
    }

    public boolean isTrue(Function<String, Double> vars) {
        return evaluate(vars) != 0;
    }

    /** {@code $_name=(expr)} (temp_vars): the name and the expression; null when the text is not an assignment. */
    public static String[] assignment(String text) {
        String t = text.trim();
        int i = t.indexOf('=');
        if (!t.startsWith("$") || i < 0 || i + 1 >= t.length() || t.charAt(i + 1) == '=' || "<>!".indexOf(t.charAt(i - 1)) >= 0) return null;
        String name = t.substring(1, i).trim();
        if (!name.matches("[A-Za-z0-9_.]+")) return null;
        return new String[]{name, t.substring(i + 1)};
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        double eval(Function<String, Double> vars);
    }

    private static final class Parser {
        private final String s;
        private final Set<String> vars;
        private int pos;

        Parser(String s, Set<String> vars) {
            this.s = s;
            this.vars = vars;
        }

        Node parse() {
            Node n = ternary();
            skip();
            if (pos < s.length()) throw error("unexpected '" + s.charAt(pos) + "'");
            return n;
        }

        private NvException error(String what) {
            return new NvException("cannot evaluate '" + s + "': " + what + " at column " + (pos + 1));
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        private boolean eat(String op) {
            skip();
            if (s.startsWith(op, pos)) {
                pos += op.length();
                return true;
            }
            return false;
        }

        private Node ternary() {
            Node c = or();
            if (eat("?")) {
                Node a = ternary();
                if (!eat(":")) throw error("'?' without ':'");
                Node b = ternary();
                return v -> c.eval(v) != 0 ? a.eval(v) : b.eval(v);
            }
            return c;
        }

        private Node or() {
            Node l = and();
            while (eat("||")) {
                Node a = l, b = and();
                l = v -> (a.eval(v) != 0 || b.eval(v) != 0) ? 1 : 0;
            }
            return l;
        }

        private Node and() {
            Node l = cmp();
            while (eat("&&")) {
                Node a = l, b = cmp();
                l = v -> (a.eval(v) != 0 && b.eval(v) != 0) ? 1 : 0;
            }
            return l;
        }

        private Node cmp() {
            Node l = add();
            while (true) {
                String op = eat("==") ? "==" : eat("!=") ? "!=" : eat("<=") ? "<=" : eat(">=") ? ">=" : eat("<") ? "<" : eat(">") ? ">" : null;
                if (op == null) return l;
                Node a = l, b = add();
                l = switch (op) {
                    case "==" -> v -> a.eval(v) == b.eval(v) ? 1 : 0;
                    case "!=" -> v -> a.eval(v) != b.eval(v) ? 1 : 0;
                    case "<=" -> v -> a.eval(v) <= b.eval(v) ? 1 : 0;
                    case ">=" -> v -> a.eval(v) >= b.eval(v) ? 1 : 0;
                    case "<" -> v -> a.eval(v) < b.eval(v) ? 1 : 0;
                    default -> v -> a.eval(v) > b.eval(v) ? 1 : 0;
                };
            }
        }

        private Node add() {
            Node l = mul();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    Node a = l, b = mul();
                    l = op == '+' ? v -> a.eval(v) + b.eval(v) : v -> a.eval(v) - b.eval(v);
                } else return l;
            }
        }

        private Node mul() {
            Node l = pow();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    Node a = l, b = pow();
                    l = op == '*' ? v -> a.eval(v) * b.eval(v) : v -> a.eval(v) / b.eval(v);
                } else return l;
            }
        }

        private Node pow() {
            Node base = unary();
            if (eat("^")) {
                Node exp = pow();
                return v -> Math.pow(base.eval(v), exp.eval(v));
            }
            return base;
        }

        private Node unary() {
            skip();
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
                Node n = unary();
                return v -> -n.eval(v);
            }
            if (pos < s.length() && s.charAt(pos) == '+') {
                pos++;
                return unary();
            }
            if (pos < s.length() && s.charAt(pos) == '!' && !s.startsWith("!=", pos)) {
                pos++;
                Node n = unary();
                return v -> n.eval(v) == 0 ? 1 : 0;
            }
            return primary();
        }

        private Node primary() {
            skip();
            if (pos >= s.length()) throw error("the expression ends early");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = ternary();
                if (!eat(")")) throw error("missing ')'");
                return n;
            }
            if (c == '$') {
                int start = ++pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) pos++;
                String name = s.substring(start, pos);
                if (name.isEmpty()) throw error("'$' without a name");
                vars.add(name);
                return v -> {
                    Double d = v.apply(name);
                    if (d == null) throw new NvException("cannot evaluate '" + s + "': no value for $" + name);
                    return d;
                };
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                if (s.startsWith("0x", pos) || s.startsWith("0X", pos)) {
                    pos += 2;
                    while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) pos++;
                    double d = Long.parseLong(s.substring(start + 2, pos), 16);
                    return v -> d;
                }
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
                double d;
                try {
                    d = Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + s.substring(start, pos) + "'");
                }
                return v -> d;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                String fn = s.substring(start, pos);
                if (!eat("(")) throw error("unknown name '" + fn + "' (variables start with $)");
                List<Node> args = new ArrayList<>();
                if (!eat(")")) {
                    do args.add(ternary()); while (eat(","));
                    if (!eat(")")) throw error("missing ')' after the arguments of " + fn);
                }
                return function(fn, args);
            }
            throw error("unexpected '" + c + "'");
        }

        private Node function(String fn, List<Node> a) {
            int want = switch (fn.toLowerCase(Locale.ROOT)) {
                case "log2", "ln", "log", "log10", "sqrt", "abs", "floor", "ceil", "rint" -> 1;
                case "bitwiseor", "bitwiseand", "min", "max" -> 2;
                default -> throw error("unknown function '" + fn + "'");
            };
            if (a.size() != want) throw error(fn + " takes " + want + " argument(s), got " + a.size());
            return switch (fn.toLowerCase(Locale.ROOT)) {
                case "log2" -> v -> Math.log(a.get(0).eval(v)) / Math.log(2);
                case "ln", "log" -> v -> Math.log(a.get(0).eval(v));
                case "log10" -> v -> Math.log10(a.get(0).eval(v));
                case "sqrt" -> v -> Math.sqrt(a.get(0).eval(v));
                case "abs" -> v -> Math.abs(a.get(0).eval(v));
                case "floor" -> v -> Math.floor(a.get(0).eval(v));
                case "ceil" -> v -> Math.ceil(a.get(0).eval(v));
                case "rint" -> v -> Math.rint(a.get(0).eval(v));
                case "bitwiseor" -> v -> (double) ((int) a.get(0).eval(v) | (int) a.get(1).eval(v));
                case "bitwiseand" -> v -> (double) ((int) a.get(0).eval(v) & (int) a.get(1).eval(v));
                case "min" -> v -> Math.min(a.get(0).eval(v), a.get(1).eval(v));
                default -> v -> Math.max(a.get(0).eval(v), a.get(1).eval(v));
            };
        }
    }
}
