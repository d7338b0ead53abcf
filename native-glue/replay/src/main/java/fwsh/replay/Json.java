package fwsh.replay;

import fwsh.text.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON subset a recording needs: one object per line; values are strings, integers,
 * booleans, null, arrays and nested objects. Writing goes through {@link Line}; reading returns
 * {@code Map<String,Object>} with {@code Long} for integers. Parse errors are one-line
 * {@link IllegalArgumentException}s naming the column.
 */
final class Json {
    private Json() {
    }

    /** Builds one JSON object; fields keep their insertion order. */
    static final class Line {
        private final StringBuilder sb = new StringBuilder(256);
        private boolean first = true;

        Line() {
            sb.append('{');
        }

        private StringBuilder key(String k) {
            if (!first) sb.append(',');
            first = false;
            JsonString.quote(sb, k);
            return sb.append(':');
        }

        Line put(String k, String v) {
            if (v == null) key(k).append("null");
            else JsonString.quote(key(k), v);
            return this;
        }

        Line put(String k, long v) {
            key(k).append(v);
            return this;
        }

        Line put(String k, boolean v) {
            key(k).append(v);
            return this;
        }

        Line put(String k, List<String> v) {
            StringBuilder b = key(k).append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) b.append(',');
                JsonString.quote(b, v.get(i));
            }
            b.append(']');
            return this;
        }

        Line put(String k, Line nested) {
            key(k).append(nested.toString());
            return this;
        }

        @Override
        public String toString() {
            return sb + "}";
        }
    }

    /** Parses one JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        Parser p = new Parser(text);
        p.ws();
        if (p.pos >= text.length() || text.charAt(p.pos) != '{') throw p.error("expected a JSON object starting with '{'");
        Object v = p.value();
        p.ws();
        if (p.pos != text.length()) throw p.error("unexpected text after the end of the object");
        return (Map<String, Object>) v;
    }

    private static final class Parser {
        private final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid JSON at column " + (pos + 1) + ": " + what);
        }

        void ws() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\r')) pos++;
        }

        char peek() {
            if (pos >= s.length()) throw error("line ends in the middle of a value");
            return s.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) throw error("expected '" + c + "' but found '" + s.charAt(pos) + "'");
            pos++;
        }

        Object value() {
            ws();
            char c = peek();
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        Map<String, Object> object() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                Object v = value();
                if (m.containsKey(k)) throw error("duplicate key \"" + k + "\"");
                m.put(k, v);
                ws();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        List<Object> array() {
            expect('[');
            List<Object> l = new ArrayList<>();
            ws();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error("short \\u escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape '" + s.substring(pos, pos + 4) + "'");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'");
                }
            }
        }

        Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') pos++;
            while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) pos++;
            String t = s.substring(start, pos);
            try {
                if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) return Long.parseLong(t);
                return Double.parseDouble(t);
            } catch (NumberFormatException x) {
                pos = start;
                throw error("bad number '" + t + "'");
            }
        }

        Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) throw error("unexpected word; expected " + word);
            pos += word.length();
            return v;
        }
    }
}
