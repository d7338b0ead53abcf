package fwsh.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A forgiving Groovy tokenizer for the REPL: enough to colour a line, tell whether input is unfinished
 * (open bracket, open triple-quoted string or block comment) and find where the cursor sits for completion.
 * It never fails: unfinished strings and comments simply run to the end of the text. A '/' starts a slashy
 * string where an expression can start (after an operator, an opening bracket, a keyword such as return, or at
 * the beginning), and is division after a value, as Groovy decides it; {@code $/.../$} is a dollar-slashy string.
 */
final class GroovyLexer {
    enum Type { WS, COMMENT, STRING, NUMBER, IDENT, KEYWORD, OPEN, CLOSE, OP }

    record Token(Type type, int start, int end, boolean terminated) {
        String text(CharSequence s) {
            return s.subSequence(start, end).toString();
        }
    }

    /** Keywords that are values: a '/' after them divides. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("this", "super", "true", "false", "null");

    static final Set<String> KEYWORDS = Set.of(
            "abstract", "as", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "def", "default", "do", "double", "else", "enum", "extends", "false", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "in", "instanceof", "int", "interface", "long",
            "native", "new", "null", "package", "private", "protected", "public", "record", "return", "short",
            "static", "super", "switch", "synchronized", "this", "throw", "throws", "trait", "transient", "true",
            "try", "var", "void", "volatile", "while", "yield");

    private GroovyLexer() {
    }

    static List<Token> tokenize(CharSequence s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                out.add(new Token(Type.WS, start, i, true));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                out.add(new Token(Type.COMMENT, start, i, true));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.add(new Token(Type.COMMENT, start, i, close >= 0));
            } else if (c == '\'' || c == '"') {
                i = string(s, i, out);
            } else if (c == '/' && expressionCanStart(s, out)) {
                i = slashy(s, i, out);
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '/') {
                i = dollarSlashy(s, i, out);
            } else if (Character.isDigit(c)) {
                i = number(s, i);
                out.add(new Token(Type.NUMBER, start, i, true));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
                String word = s.subSequence(start, i).toString();
                out.add(new Token(KEYWORDS.contains(word) ? Type.KEYWORD : Type.IDENT, start, i, true));
            } else if (c == '(' || c == '[' || c == '{') {
                out.add(new Token(Type.OPEN, start, ++i, true));
            } else if (c == ')' || c == ']' || c == '}') {
                out.add(new Token(Type.CLOSE, start, ++i, true));
            } else {
                out.add(new Token(Type.OP, start, ++i, true));
            }
        }
        return out;
    }

    /** Input the user has not finished: Enter continues on the next line instead of evaluating. */
    static boolean incomplete(CharSequence s) {
        List<Token> tokens = tokenize(s);
        int depth = 0;
        for (Token t : tokens) {
            if (t.type() == Type.OPEN) depth++;
            else if (t.type() == Type.CLOSE && depth > 0) depth--;
        }
        if (depth > 0) return true;
        if (tokens.isEmpty()) return false;
        Token last = tokens.get(tokens.size() - 1);
        if (!last.terminated()) {
            // Only multi-line constructs continue: triple-quoted strings and block comments.
            if (last.type() == Type.COMMENT) return true;
            String text = last.text(s);
            return text.startsWith("'''") || text.startsWith("\"\"\"");
        }
        // A trailing backslash joins lines, as in a shell.
        String trimmed = s.toString().stripTrailing();
        return trimmed.endsWith("\\");
    }

    /** The innermost bracket still open at the end of {@code s}, or null. */
    static Token openBracket(CharSequence s, List<Token> tokens) {
        List<Token> stack = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type() == Type.OPEN) stack.add(t);
            else if (t.type() == Type.CLOSE && !stack.isEmpty()) stack.remove(stack.size() - 1);
        }
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    private static int string(CharSequence s, int i, List<Token> out) {
        int n = s.length();
        char q = s.charAt(i);
        int start = i;
        boolean triple = i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q;
        i += triple ? 3 : 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (!triple && c == '\n') break;
            if (c == q && (!triple || i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q)) {
                i += triple ? 3 : 1;
                out.add(new Token(Type.STRING, start, i, true));
                return i;
            }
            i++;
        }
        i = Math.min(i, n);
        out.add(new Token(Type.STRING, start, i, false));
        return i;
    }

    /** Whether the previous significant token leaves room for a new expression (so '/' opens a regex). */
    private static boolean expressionCanStart(CharSequence s, List<Token> out) {
        for (int k = out.size() - 1; k >= 0; k--) {
            Token t = out.get(k);
            switch (t.type()) {
                case WS, COMMENT -> { continue; }
                case IDENT, NUMBER, STRING, CLOSE -> { return false; }
                case KEYWORD -> { return !VALUE_KEYWORDS.contains(t.text(s)); }
                default -> { return true; }
            }
        }
        return true;
    }

    /** /regex/: '\/' escapes the slash; may span lines. */
    private static int slashy(CharSequence s, int i, List<Token> out) {
        int n = s.length();
        int start = i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '/') {
                i += 2;
                continue;
            }
            if (c == '/') {
                out.add(new Token(Type.STRING, start, ++i, true));
                return i;
            }
            i++;
        }
        out.add(new Token(Type.STRING, start, n, false));
        return n;
    }

    /** $/.../$: '$/' and '$$' escape; ends at '/$'. */
    private static int dollarSlashy(CharSequence s, int i, List<Token> out) {
        int n = s.length();
        int start = i;
        i += 2;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '$')) {
                i += 2;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '$') {
                i += 2;
                out.add(new Token(Type.STRING, start, i, true));
                return i;
            }
            i++;
        }
        out.add(new Token(Type.STRING, start, n, false));
        return n;
    }

    private static int number(CharSequence s, int i) {
        int n = s.length();
        if (s.charAt(i) == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X'
                || s.charAt(i + 1) == 'b' || s.charAt(i + 1) == 'B')) {
            i += 2;
            while (i < n && (Character.digit(s.charAt(i), 16) >= 0 || s.charAt(i) == '_')) i++;
        } else {
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) i++;
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
                if (j < n && Character.isDigit(s.charAt(j))) {
                    i = j;
                    while (i < n && Character.isDigit(s.charAt(i))) i++;
                }
            }
        }
        if (i < n && "GgLlIiDdFf".indexOf(s.charAt(i)) >= 0) i++;
        return i;
    }

    private static int indexOf(CharSequence s, String needle, int from) {
        return s.toString().indexOf(needle, from);
    }
}
