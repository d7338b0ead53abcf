package fwsh.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Text forms: the one-line repr, the show() table and the describe() listing. */
final class Show {
    private Show() {
    }

    /** Non-zero fields as {@code name=value}, enum names where defined, nested values in braces. */
    static String oneLine(AbstractValue v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.layout.fields().size(); i++) {
            if (!v.present(i)) continue;
            Field f = v.layout.fields().get(i);
            String s = brief(f, v.valueAt(i));
            if (s == null) continue;
            if (sb.length() > 0) sb.append(' ');
            if (v.layout.isUnion() && v.valueAt(i) instanceof AbstractValue && s.startsWith("{")) sb.append(f.name()).append(s);
            else sb.append(f.name()).append('=').append(s);
        }
        return sb.toString();
    }

    /** Short text for a value, or null when it is zero/empty. */
    private static String brief(Field f, Object v) {
        if (v instanceof Long) {
            long x = (Long) v;
            if (x == 0) return null;
            String e = f.enumName(x);
            return e != null ? e : number(x);
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            if (allZero(b)) return null;
            return f.ascii() ? '"' + ascii(b) + '"' : hex(b, 32);
        }
        if (v instanceof AbstractValue) {
            String inner = oneLine((AbstractValue) v);
            return inner.isEmpty() ? null : "{" + inner + "}";
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            List<String> parts = new ArrayList<>();
            boolean any = false;
            for (Object o : l) {
                String s = brief(f.element(), o);
                if (s != null) any = true;
                parts.add(s == null ? "0" : s);
            }
            if (!any) return null;
            return "[" + String.join(", ", parts) + "]";
        }
        return null;
    }

    private static String number(long x) {
        if (x < 0) return Long.toUnsignedString(x);
        return x > 0xffff && (Long.bitCount(x) == 1 || (x & 0xffff) == 0) ? "0x" + Long.toHexString(x) : Long.toString(x);
    }

    static String table(AbstractValue v) {
        StringBuilder sb = new StringBuilder();
        Layout l = v.layout;
        sb.append(l.title());
        if (!l.title().equals(l.name())) sb.append(" (").append(l.name()).append(')');
        sb.append(", ").append(l.sizeBytes()).append(" bytes\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"offset", "bits", "field", "hex", "decimal", "enum", "description"});
        rowsOf(v, "", 0, rows);
        return sb.append(format(rows)).toString();
    }

    private static void rowsOf(AbstractValue v, String prefix, int bitBase, List<String[]> rows) {
        for (int i = 0; i < v.layout.fields().size(); i++) {
            if (!v.present(i)) continue;
            Field f = v.layout.fields().get(i);
            Object val = v.valueAt(i);
            addRows(f, prefix + f.name(), bitBase + f.bitOffset(), val, rows);
        }
    }

    private static void addRows(Field f, String path, int bit, Object val, List<String[]> rows) {
        if (val instanceof AbstractValue) {
            rowsOf((AbstractValue) val, path + ".", bit, rows);
        } else if (val instanceof List) {
            List<?> l = (List<?>) val;
            for (int k = 0; k < l.size(); k++)
                addRows(f.element(), path + "[" + k + "]", bit + k * f.elementBits(), l.get(k), rows);
        } else if (val instanceof Long) {
            long x = (Long) val;
            String e = f.enumName(x);
            rows.add(new String[]{offset(bit), bits(bit, f.bitWidth()), path, "0x" + Long.toHexString(x),
                    Long.toUnsignedString(x), e == null ? "" : e, oneLineDesc(f)});
        } else if (val instanceof byte[]) {
            byte[] b = (byte[]) val;
            rows.add(new String[]{offset(bit), bits(bit, f.bitWidth()), path, hex(b, 24), "",
                    f.ascii() ? '"' + ascii(b) + '"' : "", oneLineDesc(f)});
        }
    }

    /**
     * The field listing. With {@code width} > 0 it fits that many columns: enum values wrap between values (never
     * cut) and descriptions wrap between words; with 0 (a pipe) every row is one line, nothing cut.
     */
    static String describe(Layout l, int width) {
        StringBuilder sb = new StringBuilder();
        sb.append(l.isUnion() ? "union " : "").append(l.title());
        if (!l.title().equals(l.name())) sb.append(" (").append(l.name()).append(')');
        sb.append(", ").append(l.sizeBytes()).append(" bytes");
        if (!l.description().isEmpty()) sb.append(" - ").append(l.description());
        sb.append('\n');
        List<String[]> rows = new ArrayList<>();
        List<List<String>> enums = new ArrayList<>();
        String[] header = {"Field Name", "Address (Bytes)", "Offset (Bits)", "Size (Bits)", "Access", "Enum", "Description"};
        for (Field f : l.leaves()) {
            int dword = (f.bitOffset() >>> 5) * 4;
            int within = f.bitOffset() & 31;
            int lsb = within + f.bitWidth() <= 32 ? 32 - within - f.bitWidth() : 0;
            String size = f.kind() == Field.Kind.ARRAY
                    ? f.elementBits() + "x" + (f.count() == 0 ? "N" : Integer.toString(f.count())) : Integer.toString(f.bitWidth());
            List<String> en = new ArrayList<>();
            f.enumValues().forEach((k, val) -> en.add(k + "=" + val));
            String desc = f.description().replace('\n', ' ').trim() + (f.alias() != null ? " [" + f.alias() + "]" : "")
                    + (f.unit() != null ? " (" + f.unit() + ")" : "");
            rows.add(new String[]{f.name(), String.format("0x%x", dword), Integer.toString(lsb), size,
                    f.access() == Access.NONE ? "" : f.access().name(), "", desc.trim()});
            enums.add(en);
        }
        return sb.append(wrapped(header, rows, enums, width)).toString();
    }

    /**
     * Lays out the describe() table. Without a width every row is one line. With one, address, offset, size and
     * access keep their width; long field names (nested members) wrap at their dots, enum values wrap between
     * values and descriptions between words, so each line fits.
     */
    private static String wrapped(String[] longHeader, List<String[]> rows, List<List<String>> enums, int width) {
        String[] header = longHeader;
        if (width > 0 && fixedWidth(longHeader, rows, 1) + 24 + 2 + 24 + 2 + 30 > width) {
            header = new String[]{"Field Name", "Addr", "Offset", "Size", "Access", "Enum", "Description"}; // narrow terminal
        }
        int[] w = new int[header.length];
        for (int c = 0; c < header.length; c++) w[c] = header[c].length();
        for (String[] r : rows) for (int c = 0; c < 5; c++) w[c] = Math.max(w[c], r[c].length());
        int longestItem = 0;
        int longestList = 0;
        for (List<String> en : enums) {
            for (String e : en) longestItem = Math.max(longestItem, e.length() + 1);
            longestList = Math.max(longestList, String.join(", ", en).length());
        }
        int longestDesc = 0;
        for (String[] r : rows) longestDesc = Math.max(longestDesc, r[6].length());
        if (width <= 0) {
            w[5] = Math.max(w[5], longestList);
            w[6] = longestDesc;
        } else {
            int others = fixedWidth(header, rows, 1);
            // names up to a third of the width; enums what they need up to a third of the rest, never less than
            // their longest value; descriptions the remainder
            w[0] = Math.max(header[0].length(), Math.min(w[0], Math.max(20, width / 3)));
            int room = Math.max(0, width - others - w[0] - 2 - 2);
            w[5] = Math.max(w[5], Math.min(longestList, Math.max(longestItem, room / 3)));
            w[6] = Math.max(10, width - others - w[0] - 2 - w[5] - 2);
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(header));
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            List<String> name = width <= 0 ? List.of(r[0]) : dotted(r[0], w[0]);
            List<String> en = width <= 0 ? List.of(String.join(", ", enums.get(i))) : pack(enums.get(i), w[5]);
            List<String> desc = width <= 0 ? List.of(r[6]) : words(r[6], w[6]);
            int n = Math.max(1, Math.max(name.size(), Math.max(en.size(), desc.size())));
            for (int k = 0; k < n; k++) {
                List<String> line = new ArrayList<>();
                line.add(k < name.size() ? name.get(k) : "");
                for (int c = 1; c < 5; c++) line.add(k == 0 ? r[c] : "");
                line.add(k < en.size() ? en.get(k) : "");
                line.add(k < desc.size() ? desc.get(k) : "");
                lines.add(line);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : lines) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                line.append(r.get(c));
                if (c < r.size() - 1) line.append(" ".repeat(Math.max(0, w[c] - r.get(c).length()) + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Columns {@code from}..4 (address, offset, size, access) with their gaps. */
    private static int fixedWidth(String[] header, List<String[]> rows, int from) {
        int fixed = 0;
        for (int c = from; c < 5; c++) {
            int w = header[c].length();
            for (String[] r : rows) w = Math.max(w, r[c].length());
            fixed += w + 2;
        }
        return fixed;
    }

    /** A dotted field name as lines of at most {@code width} columns, broken after a dot (else cut). */
    private static List<String> dotted(String name, int width) {
        List<String> lines = new ArrayList<>();
        String rest = name;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf('.', width - 1);
            cut = cut > 0 ? cut + 1 : width;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        lines.add(rest);
        return lines;
    }

    /** Enum values as lines of at most {@code width} columns, broken after a comma. */
    private static List<String> pack(List<String> items, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (cur.length() > 0 && cur.length() + 1 + item.length() > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(' ');
            cur.append(item);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }

    /** Text as lines of at most {@code width} columns, broken between words (a longer word is cut). */
    private static List<String> words(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" +")) {
            while (word.length() > width) {
                if (cur.length() > 0) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(' ');
            cur.append(word);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }

    /** Leaf fields with dotted names and offsets relative to the top layout. */
    static void leaves(Layout l, String prefix, int bitBase, List<Field> out) {
        for (Field f : l.namedFields()) {
            String name = prefix + f.name();
            if (f.kind() == Field.Kind.STRUCT) {
                leaves(f.layout(), name + ".", bitBase + f.bitOffset(), out);
            } else {
                out.add(f.at(bitBase + f.bitOffset(), name, l.title()));
            }
        }
    }

    private static String oneLineDesc(Field f) {
        String d = f.description();
        int nl = d.indexOf('\n');
        if (nl >= 0) d = d.substring(0, nl);
        return d.length() > 70 ? d.substring(0, 67) + "..." : d;
    }

    private static String offset(int bit) {
        return String.format("0x%02x", (bit >>> 5) * 4);
    }

    private static String bits(int bit, int width) {
        int within = bit & 31;
        if (within + width <= 32) {
            int msb = 31 - within;
            int lsb = msb - width + 1;
            return msb == lsb ? "[" + msb + "]" : "[" + msb + ":" + lsb + "]";
        }
        return width % 8 == 0 ? (width / 8) + "B" : width + "b";
    }

    private static String format(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(r[c]);
                if (c < cols - 1) line.append(" ".repeat(w[c] - r[c].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    static String ascii(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        StringBuilder sb = new StringBuilder();
        for (byte c : new String(b, 0, n, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1))
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        return sb.toString().trim();
    }

    static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < b.length && i < max; i++) sb.append(String.format("%02x", b[i] & 0xff));
        if (b.length > max) sb.append("...");
        return sb.toString();
    }
}
