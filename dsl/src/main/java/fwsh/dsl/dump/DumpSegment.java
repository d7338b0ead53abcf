package fwsh.dsl.dump;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Console;
import fwsh.dsl.engine.Hexdump;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One segment of a RESOURCE_DUMP stream: its kind, type, header fields and (for resource segments) payload. */
public final class DumpSegment {
    /** The special segment types (0xFFF9..0xFFFF); everything below 0xFF00 is a resource segment. */
    public enum Kind {
        NOTICE(0xfff9), COMMAND(0xfffa), TERMINATE(0xfffb), ERROR(0xfffc), REFERENCE(0xfffd), INFO(0xfffe), MENU(0xffff),
        RESOURCE(-1);

        public final int type;

        Kind(int type) {
            this.type = type;
        }

        static Kind of(int type) {
            for (Kind k : values()) if (k.type == type) return k;
            return RESOURCE;
        }
    }

    private final Kind kind;
    private final int type;
    private final String name;
    private final Map<String, Object> fields;
    private final byte[] payload;

    DumpSegment(Kind kind, int type, String name, Map<String, Object> fields, byte[] payload) {
        this.kind = kind;
        this.type = type;
        this.name = name;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.payload = payload;
    }

    public Kind getKind() { return kind; }
    public int getSegmentType() { return type; }
    /** The menu name of a resource segment (e.g. FULL_QPC), else the kind's name. */
    public String getName() { return name; }
    public Map<String, Object> getFields() { return fields; }
    public byte[] getPayload() { return payload.clone(); }

    /** A header field (index1, syndrome_id, text, ...); null when this segment has none. */
    public Object getAt(String field) {
        return fields.get(field);
    }

    /** Dword {@code i} of the payload (big-endian), for scripts that know a context's layout. */
    public long dword(int i) {
        if (i < 0 || 4 * i + 4 > payload.length) {
            throw new FwshException("dword " + i + " is outside the " + payload.length + "-byte payload of " + this);
        }
        return ((payload[4 * i] & 0xffL) << 24) | ((payload[4 * i + 1] & 0xff) << 16) | ((payload[4 * i + 2] & 0xff) << 8) | (payload[4 * i + 3] & 0xff);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(String.format("(0x%04x", type));
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(format(k, v)));
        if (kind == Kind.RESOURCE) sb.append(" payload=").append(payload.length).append('B');
        return sb.append(')').toString();
    }

    private volatile Supplier<Console> console = () -> Console.of(System.out);

    void printTo(Supplier<Console> console) {
        this.console = console;
    }

    /** Prints the one-liner, then the payload as a hexdump ({@link #showText()}). */
    public void show() {
        console.get().print(showText());
    }

    public String showText() {
        String head = toString();
        return payload.length == 0 ? head : head + "\n" + Hexdump.of(payload).stripTrailing();
    }

    private static String format(String key, Object v) {
        if (v instanceof String s) return "\"" + s + "\"";
        if (v instanceof Number n && (key.startsWith("index") || key.equals("hw_version") || key.equals("fw_version") || key.equals("segment_called")
                || key.equals("reference_segment"))) {
            return "0x" + Long.toHexString(n.longValue());
        }
        return String.valueOf(v);
    }
}
