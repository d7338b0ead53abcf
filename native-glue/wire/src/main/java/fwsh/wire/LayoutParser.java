package fwsh.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parser of the catalog layout language (documented in fwsh/catalog/FORMAT.md). */
public final class LayoutParser {
    /** The block after an unknown statement: its lines are not reported again, up to its end or a known statement. */
    private static final String SKIP = "skip";
    private static final List<String> STATEMENTS = List.of("layout", "struct", "union", "enum", "registers", "commands",
            "opcodes", "statuses", "capabilities");

    private final CatalogSource out;
    private final String file;
    private int lineNo;
    private List<String> errors;
    /** The open block ("layout", "enum", "registers", …, SKIP), or null between blocks. */
    private String block;
    private LayoutDef layout;
    private Map<String, Long> enumBlock;

    private LayoutParser(CatalogSource out, String file) {
        this.out = out;
        this.file = file;
    }

    /**
     * Parses {@code text} and adds its definitions to {@code out}.
     *
     * @throws CatalogFileException with every error of the file, each naming {@code file}:line
     */
    public static void parseInto(CatalogSource out, String text, String file) {
        List<String> errors = parseInto(out, text, file, new ArrayList<>());
        if (!errors.isEmpty()) throw new CatalogFileException(errors);
    }

    /** Parses what it can, adding each error (file:line: problem) to {@code errors}, which it returns. */
    static List<String> parseInto(CatalogSource out, String text, String file, List<String> errors) {
        LayoutParser p = new LayoutParser(out, file);
        p.errors = errors;
        p.run(text);
        return errors;
    }

    private LayoutSyntaxException err(String msg) {
        return new LayoutSyntaxException(file + ":" + lineNo + ": " + msg);
    }

    private String where() {
        return file + ":" + lineNo;
    }

    /** Line by line; a bad line is an error and the next line is read as if it had been right. */
    private void run(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lineNo = i + 1;
            try {
                line(tokens(lines[i]));
            } catch (LayoutSyntaxException e) {
                errors.add(e.getMessage());
            }
        }
        if (block != null && !block.equals(SKIP)) errors.add(file + ":" + lineNo + ": end of file inside a " + block + " block; add 'end'");
    }

    private void line(List<String> t) {
        if (t.isEmpty()) return;
        String head = t.get(0);
        if (SKIP.equals(block)) {
            if (head.equals("end")) {
                block = null;
                return;
            }
            if (!STATEMENTS.contains(head)) return;
            block = null;
        }
        if (block == null) {
            statement(t, head);
            return;
        }
        if (head.equals("end")) {
            if (layout != null && !out.layouts.containsKey(layout.name)) out.layouts.put(layout.name, layout);
            layout = null;
            enumBlock = null;
            block = null;
            return;
        }
        entry(t);
    }

    private void statement(List<String> t, String head) {
        switch (head) {
            case "layout", "struct", "union" -> {
                block = "layout";   // entered even when this line is bad, so its field lines are read as fields
                layout = new LayoutDef(t.size() < 2 ? "?" : t.get(1), head.equals("union"));
                layout.source = where();
                if (t.size() < 2) throw err(head + " needs a name");
                ident(t.get(1));
                if (out.layouts.containsKey(layout.name)) {
                    String first = out.layouts.get(layout.name).source;
                    layout = new LayoutDef(layout.name, layout.union);   // read, but not kept
                    layout.source = where();
                    throw err("layout " + layout.name + " is defined twice (first at " + first + ")");
                }
                for (String a : t.subList(2, t.size())) {
                    if (a.startsWith("size=")) layout.sizeBits = (int) number(a.substring(5), "size") * 8;
                    else if (a.startsWith("\"")) layout.description = unquote(a);
                    else throw err("unexpected '" + a + "' after " + head + " " + layout.name + " (expected size=BYTES or \"description\")");
                }
            }
            case "enum" -> {
                if (t.size() < 2) {
                    block = SKIP;
                    throw err("enum needs a name");
                }
                String name = ident(t.get(1));
                if (t.size() > 2) {
                    Map<String, Long> m = new LinkedHashMap<>();
                    for (String a : t.subList(2, t.size())) pair(a, m);
                    out.enums.put(name, m);
                } else {
                    enumBlock = new LinkedHashMap<>();
                    out.enums.put(name, enumBlock);
                    block = "enum";
                }
            }
            case "registers", "commands", "opcodes", "statuses", "capabilities" -> {
                block = head;
                if (t.size() != 1) throw err(head + " starts a block; put entries on the following lines and close with end");
            }
            case "end" -> throw err("'end' without a block");
            default -> {
                block = SKIP;
                throw err("unknown statement '" + head + "' (expected layout, union, enum, registers, commands, opcodes, statuses, capabilities)");
            }
        }
    }

    private void entry(List<String> t) {
        switch (block) {
            case "layout" -> layout.fields.add(fieldLine(t, layout));
            case "enum" -> pair(stripDesc(t), enumBlock);
            case "registers" -> {
                if (t.size() < 3) throw err("register entry is NAME ID LAYOUT [\"description\"]");
                String name = t.get(0).toUpperCase(Locale.ROOT);
                out.registers.put(name, new CatalogSource.Reg(name, (int) number(t.get(1), "register id"), ident(t.get(2)),
                        desc(t, 3), where()));
            }
            case "commands" -> {
                if (t.size() < 4) throw err("command entry is NAME OPCODE IN_LAYOUT OUT_LAYOUT [\"description\"] (use - for none)");
                String name = t.get(0).toUpperCase(Locale.ROOT);
                int op = (int) number(t.get(1), "opcode");
                out.commands.put(name, new CatalogSource.Cmd(name, op, dash(t.get(2)), dash(t.get(3)), desc(t, 4), where()));
                out.opcodes.putIfAbsent(name, op);
            }
            case "opcodes" -> {
                if (t.size() % 2 != 0) throw err("opcode entries are NAME VALUE pairs");
                for (int k = 0; k < t.size(); k += 2) out.opcodes.put(t.get(k).toUpperCase(Locale.ROOT), (int) number(t.get(k + 1), "opcode"));
            }
            case "statuses" -> {
                if (t.size() < 2) throw err("status entry is VALUE NAME [\"kernel text\"]");
                int v = (int) number(t.get(0), "status");
                String name = t.get(1);
                out.statuses.put(v, new StatusDef(v, name, t.size() > 2 ? unquote(t.get(2)) : name.toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
            case "capabilities" -> {
                if (t.size() < 3) throw err("capability entry is NAME TYPE LAYOUT [\"description\"] (use - for no layout)");
                String name = t.get(0).toUpperCase(Locale.ROOT);
                out.capabilities.put(name, new CatalogSource.Cap(name, (int) number(t.get(1), "capability type"), dash(t.get(2)),
                        desc(t, 3), where()));
            }
            default -> throw err("internal: unknown block " + block);
        }
    }

    private String stripDesc(List<String> t) {
        StringBuilder sb = new StringBuilder();
        for (String s : t) if (!s.startsWith("\"")) sb.append(s);
        return sb.toString();
    }

    private FieldDef fieldLine(List<String> t, LayoutDef layout) {
        FieldDef f = new FieldDef();
        f.source = where();
        int k = 0;
        String tok = t.get(k);
        if (tok.startsWith("@")) {
            String p = tok.substring(1);
            int br = p.indexOf('[');
            if (br > 0) {
                if (!p.endsWith("]")) throw err("bad position '" + tok + "' (expected @0xBYTE[msb:lsb])");
                int byteOff = (int) number(p.substring(0, br), "byte offset");
                if (byteOff % 4 != 0) throw err("position " + tok + ": [msb:lsb] positions use the dword's byte offset (a multiple of 4)");
                String[] ml = p.substring(br + 1, p.length() - 1).split(":");
                int msb = (int) number(ml[0].trim(), "msb");
                int lsb = ml.length > 1 ? (int) number(ml[1].trim(), "lsb") : msb;
                if (msb > 31 || lsb > msb) throw err("position " + tok + ": bits must be [msb:lsb] with 31 >= msb >= lsb");
                f.position = Bits.prmOffset(byteOff, msb);
                f.bits = msb - lsb + 1;
                k++;
            } else {
                f.position = (int) number(p, "byte offset") * 8;
                k++;
            }
            if (layout.union && f.position != 0) throw err("union members all start at 0; drop the position");
        }
        if (f.bits < 0) {
            if (k >= t.size()) throw err("field line needs a width or type");
            widthOrType(t.get(k++), f);
        }
        if (k >= t.size()) throw err("field line needs a name (or - for reserved bits)");
        String name = t.get(k++);
        if (name.equals("-")) f.name = null;
        else f.name = ident(name);
        for (; k < t.size(); k++) attr(t.get(k), f);
        if (f.name == null && (f.enums != null || f.access != null)) throw err("reserved bits take no attributes");
        return f;
    }

    private void widthOrType(String tok, FieldDef f) {
        String base = tok;
        int br = tok.indexOf('[');
        if (br > 0) {
            if (!tok.endsWith("]")) throw err("bad array suffix in '" + tok + "' (expected WIDTH[N] or TYPE[N])");
            String n = tok.substring(br + 1, tok.length() - 1).trim();
            f.count = n.isEmpty() ? 0 : (int) number(n, "array count");
            base = tok.substring(0, br);
        }
        String num = base;
        boolean bytes = false;
        if (num.endsWith("B") && !num.startsWith("0x") && num.length() > 1 && Character.isDigit(num.charAt(0))) {
            num = num.substring(0, num.length() - 1);
            bytes = true;
        }
        Long v = Character.isDigit(num.charAt(0)) ? Encoder.parseNumber(num) : null;
        if (v != null) {
            if (v <= 0) throw err("width must be positive in '" + tok + "'");
            f.bits = (int) (bytes ? v * 8 : v);
        } else {
            f.typeName = ident(base);
        }
    }

    private void attr(String a, FieldDef f) {
        Access acc = Access.parse(a);
        if (acc != null) {
            f.access = acc;
        } else if (a.startsWith("\"")) {
            f.description = unquote(a);
        } else if (a.startsWith("enum(") && a.endsWith(")")) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String p : a.substring(5, a.length() - 1).split(",")) if (!p.isBlank()) pair(p.trim(), m);
            f.enums = m;
        } else if (a.startsWith("enum=")) {
            f.enumRef = a.substring(5);
        } else if (a.startsWith("unit=")) {
            f.unit = unquote(a.substring(5));
        } else if (a.startsWith("alias=")) {
            f.alias = a.substring(6);
        } else if (a.startsWith("select=")) {
            f.select = a.substring(7);
        } else if (a.startsWith("when=")) {
            f.when = new ArrayList<>(Arrays.asList(a.substring(5).split(",")));
        } else if (a.equals("ascii")) {
            f.ascii = true;
        } else if (a.equals("required")) {
            f.required = true;
        } else if (a.equals("split")) {
            f.splitHigh = "_high";
            f.splitLow = "_low";
        } else if (a.startsWith("split=")) {
            String[] hl = a.substring(6).split("/");
            if (hl.length != 2) throw err("split=HIGH/LOW suffixes, e.g. split=_h/_l");
            f.splitHigh = hl[0];
            f.splitLow = hl[1];
        } else {
            throw err("unknown attribute '" + a + "' (expected RO/RW/WO/INDEX/OP, enum(...), enum=NAME, unit=, alias=, select=, when=, ascii, required, split, \"description\")");
        }
    }

    private void pair(String p, Map<String, Long> m) {
        int eq = p.indexOf('=');
        if (eq <= 0) throw err("enum entry '" + p + "' must be name=value");
        String name = p.substring(0, eq).trim();
        m.put(name, number(p.substring(eq + 1).trim(), "enum value of " + name));
    }

    private long number(String s, String what) {
        Long v = Encoder.parseNumber(s.trim());
        if (v == null) throw err(what + " '" + s + "' is not a number");
        return v;
    }

    private String ident(String s) {
        if (!s.matches("[A-Za-z_][A-Za-z0-9_]*")) throw err("'" + s + "' is not a valid name (letters, digits, _)");
        return s;
    }

    private static String dash(String s) {
        return s.equals("-") ? null : s;
    }

    private static String desc(List<String> t, int from) {
        return t.size() > from ? unquote(t.get(from)) : "";
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) return s.substring(1, s.length() - 1).replace("\\\"", "\"");
        return s;
    }

    /** Whitespace-separated tokens; "quoted strings" and (parenthesised groups) stay whole; # starts a comment. */
    List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQ = false;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQ) {
                cur.append(c);
                if (c == '\\' && i + 1 < line.length()) cur.append(line.charAt(++i));
                else if (c == '"') inQ = false;
                continue;
            }
            if (c == '"') {
                inQ = true;
                cur.append(c);
            } else if (c == '(') {
                depth++;
                cur.append(c);
            } else if (c == ')') {
                depth--;
                cur.append(c);
            } else if (c == '#' && depth == 0) {
                break;
            } else if (Character.isWhitespace(c) && depth == 0) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (inQ) throw err("unclosed quote");
        if (depth != 0) throw err("unbalanced parentheses");
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
