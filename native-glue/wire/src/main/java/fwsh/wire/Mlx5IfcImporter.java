package fwsh.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports the kernel's {@code include/linux/mlx5/mlx5_ifc.h}: every {@code struct/union mlx5_ifc_*_bits}
 * (fields {@code u8 name[0xN]}, arrays {@code u8 name[N][0xW]}, nested and anonymous structs/unions, arrays of
 * them, {@code reserved_at_*}, {@code DECLARE_FLEX_ARRAY} tails) and the {@code MLX5_CMD_OP_*} opcodes. Offsets follow MLX5_SET/MLX5_GET:
 * a struct is the sum of its members, a union the largest member. Constructs it cannot read are skipped
 * (the whole struct, so no offset is ever wrong) with a note naming file:line.
 */
public final class Mlx5IfcImporter {
    private final String file;
    private final List<Tok> toks;
    private int p;
    private final CatalogSource out = new CatalogSource();
    private int anon;

    private record Tok(String s, int line) {
    }

    private final Map<String, Long> constants = new java.util.HashMap<>();
    private static final java.util.regex.Pattern DEFINE =
            java.util.regex.Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)\\s+\\(?\\s*(0[xX][0-9a-fA-F]+|\\d+)[uUlL]*\\s*\\)?\\s*$");

    private Mlx5IfcImporter(String text, String file) {
        this.file = file;
        this.toks = lex(text);
        java.util.regex.Matcher m = DEFINE.matcher(text);
        while (m.find()) constants.put(m.group(1), Encoder.parseNumber(m.group(2)));
        java.util.regex.Matcher d = DEFINE_ANY.matcher(text);
        while (d.find()) defines.putIfAbsent(d.group(1), d.group(2).replace("\\\n", " "));
    }

    private static final java.util.regex.Pattern DEFINE_ANY =
            java.util.regex.Pattern.compile("(?m)^\\s*#\\s*define\\s+(\\w+)[ \\t]+((?:[^\\n\\\\]|\\\\\\n)*)$");
    private final Map<String, String> defines = new java.util.HashMap<>();
    private int defineDepth;

    /** Evaluates a #define whose body is an integer expression (other defines allowed), or null. */
    private Long evalDefine(String name) {
        String body = defines.get(name);
        if (body == null || defineDepth > 8) return null;
        Mlx5IfcImporter sub = new Mlx5IfcImporter(body, file, constants, defines);
        sub.defineDepth = defineDepth + 1;
        try {
            long v = sub.expr();
            if (sub.p != sub.toks.size()) return null;
            constants.put(name, v);
            return v;
        } catch (Skip e) {
            return null;
        }
    }

    private Mlx5IfcImporter(String text, String file, Map<String, Long> constants, Map<String, String> defines) {
        this.file = file;
        this.toks = lex(text);
        this.constants.putAll(constants);
        this.defines.putAll(defines);
    }

    public static Catalog parse(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.ISO_8859_1), path.getFileName().toString());
    }

    /** Parses header text; {@code fileName} is used in notes. */
    public static Catalog parse(String text, String fileName) {
        Mlx5IfcImporter im = new Mlx5IfcImporter(text, fileName);
        im.run();
        im.addCommands();
        return ImportCheck.check(im.out);
    }

    public static Catalog parse(String text) {
        return parse(text, "mlx5_ifc.h");
    }

    private void run() {
        while (p < toks.size()) {
            String s = toks.get(p).s;
            if ((s.equals("struct") || s.equals("union")) && p + 2 < toks.size() && toks.get(p + 1).s.startsWith("mlx5_ifc_")
                    && toks.get(p + 2).s.equals("{")) {
                int startLine = toks.get(p).line;
                String tag = toks.get(p + 1).s;
                boolean union = s.equals("union");
                p += 3;
                int bodyStart = p;
                try {
                    LayoutDef d = new LayoutDef(layoutName(tag), union);
                    d.source = file + ":" + startLine;
                    body(d);
                    expect("}");
                    mergeHalves(d);
                    if (out.layouts.containsKey(d.name)) out.notes.add(file + ":" + startLine + ": " + tag + " defined again; the later one is used");
                    out.layouts.put(d.name, d);
                } catch (Skip e) {
                    out.notes.add(file + ":" + e.line + ": skipped " + tag + ": " + e.getMessage());
                    p = bodyStart;
                    skipBlock();
                }
            } else if (Character.isJavaIdentifierStart(s.charAt(0)) && p + 1 < toks.size() && toks.get(p + 1).s.equals("=")) {
                // An enumerator (or initialiser): remember constants; MLX5_CMD_OP_* are the opcodes.
                int line = toks.get(p).line;
                p += 2;
                try {
                    long v = expr();
                    constants.put(s, v);
                    if (s.startsWith("MLX5_CMD_OP_")) out.opcodes.put(s.substring("MLX5_CMD_OP_".length()), (int) v);
                } catch (Skip e) {
                    if (s.startsWith("MLX5_CMD_OP_")) out.notes.add(file + ":" + line + ": skipped opcode " + s + ": " + e.getMessage());
                }
            } else {
                p++;
            }
        }
    }

    private static final class Skip extends RuntimeException {
        final int line;

        Skip(String msg, int line) {
            super(msg, null, false, false);
            this.line = line;
        }
    }

    private Skip skip(String msg) {
        return new Skip(msg, line());
    }

    /** The current token's line; the last line when the text ends inside a definition (a cut-off header). */
    private int line() {
        if (p < toks.size()) return toks.get(p).line;
        return toks.isEmpty() ? -1 : toks.get(toks.size() - 1).line;
    }

    private void body(LayoutDef d) {
        while (p < toks.size() && !toks.get(p).s.equals("}")) {
            String s = toks.get(p).s;
            if (s.equals("u8")) {
                p++;
                FieldDef f = new FieldDef();
                f.source = file + ":" + line();
                String name = ident();
                long a = bracket();
                if (peek("[")) {
                    long b = bracket();
                    f.count = (int) a;
                    f.bits = (int) b;
                } else if (a == 0) {
                    f.count = 0;
                    f.bits = 8;
                } else {
                    f.bits = (int) a;
                }
                f.name = isReserved(name) ? null : name;
                expect(";");
                d.fields.add(f);
            } else if (s.equals("DECLARE_FLEX_ARRAY")) {
                d.fields.add(flexArray());
            } else if (s.equals("struct") || s.equals("union")) {
                p++;
                FieldDef f = new FieldDef();
                f.source = file + ":" + line();
                if (peek("{")) {
                    p++;
                    LayoutDef inner = new LayoutDef(d.name + "_anon" + (++anon), s.equals("union"));
                    inner.source = f.source;
                    body(inner);
                    expect("}");
                    mergeHalves(inner);
                    out.layouts.put(inner.name, inner);
                    f.typeName = inner.name;
                    f.name = peek(";") ? inner.name.substring(d.name.length() + 1) : ident();
                } else {
                    String tag = ident();
                    if (!tag.startsWith("mlx5_ifc_")) throw skip("member of type " + s + " " + tag + " is not an mlx5_ifc layout");
                    f.typeName = layoutName(tag);
                    f.name = ident();
                }
                if (peek("[")) f.count = (int) bracket();
                expect(";");
                if (isReserved(f.name)) f.name = null;
                d.fields.add(f);
            } else {
                throw skip("cannot read '" + s + "' here");
            }
        }
    }

    /**
     * {@code DECLARE_FLEX_ARRAY(struct mlx5_ifc_X_bits, name);} (recent kernels, inside a union of tails) or
     * {@code DECLARE_FLEX_ARRAY(u8, name);}: a variable-length tail, as {@code struct mlx5_ifc_X_bits name[];} is.
     */
    private FieldDef flexArray() {
        p++;
        FieldDef f = new FieldDef();
        f.source = file + ":" + line();
        expect("(");
        if (peek("struct") || peek("union")) {
            p++;
            String tag = ident();
            if (!tag.startsWith("mlx5_ifc_")) throw skip("DECLARE_FLEX_ARRAY of " + tag + ", which is not an mlx5_ifc layout");
            f.typeName = layoutName(tag);
        } else if (peek("u8")) {
            p++;
            f.bits = 8;
        } else {
            throw skip("DECLARE_FLEX_ARRAY of '" + (p < toks.size() ? toks.get(p).s : "end of file") + "' (expected struct mlx5_ifc_..._bits or u8)");
        }
        expect(",");
        String name = ident();
        expect(")");
        expect(";");
        f.name = isReserved(name) ? null : name;
        f.count = 0;
        return f;
    }

    private static boolean isReserved(String name) {
        return name.startsWith("reserved");
    }

    /** Folds {@code x_high[0x20]; x_low[0x20];} into one 64-bit field {@code x} whose halves keep their names. */
    static void mergeHalves(LayoutDef d) {
        List<FieldDef> fs = d.fields;
        for (int i = 0; i + 1 < fs.size(); i++) {
            FieldDef hi = fs.get(i);
            FieldDef lo = fs.get(i + 1);
            if (hi.name == null || lo.name == null || hi.count >= 0 || lo.count >= 0 || hi.bits != 32 || lo.bits != 32) continue;
            if (!hi.name.endsWith("_high") || !lo.name.equals(hi.name.substring(0, hi.name.length() - 5) + "_low")) continue;
            if (hi.position >= 0 && lo.position != hi.position + 32) continue;
            FieldDef m = hi.copy();
            m.name = hi.name.substring(0, hi.name.length() - 5);
            m.bits = 64;
            m.splitHigh = "_high";
            m.splitLow = "_low";
            if (m.enums == null) m.enums = lo.enums;
            fs.set(i, m);
            fs.remove(i + 1);
        }
    }

    private void addCommands() {
        for (Map.Entry<String, Integer> e : out.opcodes.entrySet()) {
            String base = e.getKey().toLowerCase(Locale.ROOT);
            String in = out.layouts.containsKey(base + "_in") ? base + "_in" : null;
            String o = out.layouts.containsKey(base + "_out") ? base + "_out" : null;
            if (in != null || o != null) out.commands.put(e.getKey(), new CatalogSource.Cmd(e.getKey(), e.getValue(), in, o, "", file));
        }
    }

    static String layoutName(String tag) {
        String n = tag.startsWith("mlx5_ifc_") ? tag.substring(9) : tag;
        return n.endsWith("_bits") ? n.substring(0, n.length() - 5) : n;
    }

    private boolean peek(String s) {
        return p < toks.size() && toks.get(p).s.equals(s);
    }

    private void expect(String s) {
        if (!peek(s)) throw skip("expected '" + s + "' but found '" + (p < toks.size() ? toks.get(p).s : "end of file") + "'");
        p++;
    }

    private String ident() {
        if (p >= toks.size()) throw skip("unexpected end of file");
        String s = toks.get(p).s;
        if (!Character.isJavaIdentifierStart(s.charAt(0))) throw skip("expected a name but found '" + s + "'");
        p++;
        return s;
    }

    private long bracket() {
        expect("[");
        if (peek("]")) {
            p++;
            return 0; // flexible array member: a variable-length tail
        }
        long v = expr();
        expect("]");
        return v;
    }

    /** Sums/differences/products of integer literals (enough for array sizes and enum values). */
    private long expr() {
        long v = term();
        while (peek("+") || peek("-")) {
            boolean plus = toks.get(p++).s.equals("+");
            long t = term();
            v = plus ? v + t : v - t;
        }
        return v;
    }

    private long term() {
        long v = atom();
        while (peek("*")) {
            p++;
            v *= atom();
        }
        return v;
    }

    private long atom() {
        if (peek("(")) {
            p++;
            long v = expr();
            expect(")");
            return v;
        }
        if (p >= toks.size()) throw skip("unexpected end of file");
        String s = toks.get(p).s.replaceAll("(?<=[0-9a-fA-F])[uUlL]+$", "");
        Long v = Encoder.parseNumber(s);
        if (v == null) v = constants.get(s);
        if (v == null) v = evalDefine(s);
        if (v == null) throw skip("'" + toks.get(p).s + "' is not a number this importer can evaluate");
        p++;
        return v;
    }

    /** After a failed struct: continue after the struct's closing brace. */
    private void skipBlock() {
        int depth = 1;
        while (p < toks.size() && depth > 0) {
            String s = toks.get(p++).s;
            if (s.equals("{")) depth++;
            else if (s.equals("}")) depth--;
        }
    }

    /** C tokens with line numbers; comments and preprocessor lines dropped. */
    private static List<Tok> lex(String text) {
        List<Tok> out = new ArrayList<>(text.length() / 6);
        int line = 1;
        int n = text.length();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                lineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            if (c == '#' && lineStart) { // preprocessor line, with continuations
                while (i < n && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        line++;
                        i++;
                    }
                    i++;
                }
                continue;
            }
            lineStart = false;
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i += 2;
                while (i + 1 < n && !(text.charAt(i) == '*' && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) == '\n') line++;
                    i++;
                }
                i += 2;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                out.add(new Tok(text.substring(s, i), line));
                continue;
            }
            if (c == '"' || c == '\'') {
                int s = i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\') i++;
                    if (i < n && text.charAt(i) == '\n') line++;
                    i++;
                }
                i++;
                out.add(new Tok(text.substring(s, Math.min(i, n)), line));
                continue;
            }
            out.add(new Tok(String.valueOf(c), line));
            i++;
        }
        return out;
    }
}
