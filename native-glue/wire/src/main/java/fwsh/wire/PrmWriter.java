package fwsh.wire;

import java.util.Map;
import java.util.StringJoiner;

/** Writes layout definitions back in the catalog layout language (for exporting imported layouts). */
public final class PrmWriter {
    private PrmWriter() {
    }

    /** The given layouts of a catalog source in .prm text; positions are written as @0xBYTE[msb:lsb] when known. */
    public static String write(CatalogSource src, Iterable<String> layoutNames) {
        StringBuilder sb = new StringBuilder();
        for (String n : layoutNames) {
            LayoutDef d = src.layouts.get(n);
            if (d == null) throw new UnknownFieldException("catalog layouts", n, DidYouMean.suggest(n, src.layouts.keySet()));
            sb.append(write(d)).append('\n');
        }
        return sb.toString();
    }

    public static String write(LayoutDef d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.union ? "union " : "layout ").append(d.name);
        if (d.sizeBits >= 0 && d.sizeBits % 8 == 0) sb.append(" size=0x").append(Integer.toHexString(d.sizeBits / 8));
        if (d.description != null && !d.description.isEmpty()) sb.append(' ').append(quote(d.description));
        sb.append('\n');
        for (FieldDef f : d.fields) {
            sb.append("  ");
            if (f.position >= 0 && !d.union) {
                int within = f.position & 31;
                if (f.typeName == null && f.count < 0 && within + f.bits <= 32) {
                    int msb = 31 - within;
                    int lsb = msb - f.bits + 1;
                    sb.append(String.format("@0x%02x[%s] ", (f.position >>> 5) * 4, msb == lsb ? msb : msb + ":" + lsb));
                    name(sb, f);
                    attrs(sb, f);
                    sb.append('\n');
                    continue;
                }
                sb.append(String.format("@0x%02x ", f.position >>> 3));
            }
            sb.append(f.typeName != null ? f.typeName : width(f.bits));
            if (f.count >= 0) sb.append('[').append(f.count == 0 ? "" : Integer.toString(f.count)).append(']');
            sb.append(' ');
            name(sb, f);
            attrs(sb, f);
            sb.append('\n');
        }
        return sb.append("end\n").toString();
    }

    private static String width(int bits) {
        return bits > 64 && bits % 8 == 0 ? (bits / 8) + "B" : Integer.toString(bits);
    }

    private static void name(StringBuilder sb, FieldDef f) {
        sb.append(f.name == null ? "-" : f.name);
    }

    private static void attrs(StringBuilder sb, FieldDef f) {
        if (f.access != null && f.access != Access.NONE) sb.append(' ').append(f.access);
        if (f.enums != null && !f.enums.isEmpty()) {
            StringJoiner j = new StringJoiner(", ", " enum(", ")");
            for (Map.Entry<String, Long> e : f.enums.entrySet()) j.add(e.getKey() + "=0x" + Long.toHexString(e.getValue()));
            sb.append(j);
        }
        if (f.enumRef != null) sb.append(" enum=").append(f.enumRef);
        if (f.unit != null) sb.append(" unit=").append(f.unit.contains(" ") ? quote(f.unit) : f.unit);
        if (f.alias != null) sb.append(" alias=").append(f.alias);
        if (f.select != null) sb.append(" select=").append(f.select);
        if (f.when != null && !f.when.isEmpty()) sb.append(" when=").append(String.join(",", f.when));
        if (f.ascii) sb.append(" ascii");
        if (f.required) sb.append(" required");
        if (f.splitHigh != null) sb.append("_high".equals(f.splitHigh) && "_low".equals(f.splitLow) ? " split" : " split=" + f.splitHigh + "/" + f.splitLow);
        if (f.description != null && !f.description.isEmpty()) sb.append(' ').append(quote(f.description));
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "'").replace('\n', ' ') + '"';
    }
}
