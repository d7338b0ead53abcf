package fwsh.dsl.dump;

import fwsh.base.FwshException;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.Register;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Drives the RESOURCE_DUMP register (0xC000) and parses its segment stream. Inline mode reads up to 208
 * bytes of inline_data per access; mkey mode lets the device DMA into an {@link MkeyBuffer}. Either way,
 * while more_dump is set the next access echoes seq_num, index1/2, num_of_obj1/2 and device_opaque from
 * the reply, and the reply's seq_num must be the request's + 1 (mod 16).
 *
 * <pre>
 * ResourceDump.menu(dev).each { println it.row() }
 * ResourceDump.dump(dev, segment: 'FULL_QPC', index1: 0x100).show()
 * ResourceDump.dump(dev, segment: 0x1200, num_of_obj1: 'all', umem: true)
 * </pre>
 */
public final class ResourceDump {
    static final int MENU = 0xffff;
    static final int INLINE_MAX = 208;
    static final int INLINE_DATA = 0x30;
    static final long NUM_ALL = 0xffff;
    static final long NUM_ACTIVE = 0xfffe;
    /** A stream longer than this is treated as a runaway device (the CX6Dx menu is 2388 bytes). */
    static final int MAX_STREAM = 64 << 20;
    static final long DEFAULT_BUFFER = 64 << 10;

    private static final Set<String> OPTIONS = Set.of("segment", "index1", "index2", "num_of_obj1", "num_of_obj2",
            "vhca_id", "umem", "size", "buffer");
    private static final Map<DeviceAccess, List<MenuRecord>> MENUS = Collections.synchronizedMap(new WeakHashMap<>());

    private ResourceDump() {
    }

    /** The device's menu (segment 0xFFFF, inline mode); read once per device. */
    public static List<MenuRecord> menu(DeviceAccess dev) {
        List<MenuRecord> m = MENUS.get(dev);
        if (m == null) {
            m = fetch(dev, new LinkedHashMap<>(Map.of("segment_type", (long) MENU)), "menu (0xffff)", null).getMenu();
            MENUS.put(dev, m);
        }
        return m;
    }

    /** The menu dump itself (INFO, COMMAND, MENU, TERMINATE), read afresh. */
    public static DumpResult menuDump(DeviceAccess dev, Map<String, ?> opts) {
        Map<String, Object> o = new LinkedHashMap<>(opts);
        o.put("segment", MENU);
        return dump(dev, o);
    }

    /**
     * Dumps a segment. opts: segment (menu name or number; required), index1, index2, num_of_obj1,
     * num_of_obj2 (numbers, or 'all' / 'active'), vhca_id, umem (true = mkey mode), size (mkey buffer
     * bytes, default 64 KiB), buffer (an open MkeyBuffer to reuse; implies umem).
     */
    public static DumpResult dump(DeviceAccess dev, Map<String, ?> opts) {
        for (String k : opts.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new FwshException("resource dump: unknown option '" + k + "'; options: segment, index1, index2, "
                        + "num_of_obj1, num_of_obj2, vhca_id, umem, size, buffer");
            }
        }
        Object seg = opts.get("segment");
        if (seg == null) throw new FwshException("resource dump needs segment: a menu name or number (e.g. segment: 'FULL_QPC')");
        MenuRecord rec = null;
        int type;
        if (seg instanceof String s && !looksNumeric(s)) {
            rec = byName(dev, s);
            type = rec.getSegmentType();
        } else {
            type = (int) number("segment", seg);
            if (type < 0 || type > 0xffff) throw new FwshException("resource dump: segment 0x" + Integer.toHexString(type) + " is not a 16-bit segment type");
            if (type != MENU) rec = byType(dev, type);
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("segment_type", (long) type);
        StringBuilder what = new StringBuilder(rec != null ? rec.getName() + String.format(" (0x%04x)", type)
                : type == MENU ? "menu (0xffff)" : String.format("segment 0x%04x", type));
        for (String k : List.of("index1", "index2")) {
            if (opts.get(k) != null) {
                long v = number(k, opts.get(k));
                in.put(k, v);
                what.append(' ').append(k).append("=0x").append(Long.toHexString(v));
            }
        }
        for (String k : List.of("num_of_obj1", "num_of_obj2")) {
            if (opts.get(k) != null) {
                long v = objects(k, opts.get(k));
                in.put(k, v);
                what.append(' ').append(k).append('=').append(v == NUM_ALL ? "all" : v == NUM_ACTIVE ? "active" : String.valueOf(v));
            }
        }
        if (rec != null) checkAgainstMenu(rec, in);
        if (opts.get("vhca_id") != null) {
            in.put("vhca_id", number("vhca_id", opts.get("vhca_id")));
            in.put("vhca_id_valid", 1L);
        }
        Object buffer = opts.get("buffer");
        if (buffer != null && !(buffer instanceof MkeyBuffer)) throw new FwshException("resource dump: buffer: must be an MkeyBuffer, got " + buffer.getClass().getSimpleName());
        boolean mkeyMode = buffer != null || Boolean.TRUE.equals(opts.get("umem"));
        if (!mkeyMode) return fetch(dev, in, what.toString(), null);
        if (buffer != null) return fetch(dev, in, what.toString(), (MkeyBuffer) buffer);
        long size = opts.get("size") == null ? DEFAULT_BUFFER : number("size", opts.get("size"));
        try (MkeyBuffer b = MkeyBuffer.allocate(dev, size)) {
            return fetch(dev, in, what.toString(), b);
        }
    }

    private static void checkAgainstMenu(MenuRecord rec, Map<String, Object> in) {
        if (rec.isMustHaveIndex1() && !in.containsKey("index1")) {
            throw new FwshException("segment " + rec.getName() + " needs index1 (" + rec.getIndex1Name() + ")");
        }
        if (rec.isMustHaveIndex2() && !in.containsKey("index2")) {
            throw new FwshException("segment " + rec.getName() + " needs index2 (" + rec.getIndex2Name() + ")");
        }
        if (in.containsKey("index1") && !rec.isSupportIndex1()) throw new FwshException("segment " + rec.getName() + " takes no index1");
        if (in.containsKey("index2") && !rec.isSupportIndex2()) throw new FwshException("segment " + rec.getName() + " takes no index2");
        // With no index the whole table is the natural request, where the menu allows "all".
        if (!in.containsKey("index1") && !in.containsKey("num_of_obj1") && rec.isNumOfObj1SupportsAll()) in.put("num_of_obj1", NUM_ALL);
        checkAll(rec.getName(), "num_of_obj1", in, rec.isNumOfObj1SupportsAll(), rec.isNumOfObj1SupportsActive());
        checkAll(rec.getName(), "num_of_obj2", in, rec.isNumOfObj2SupportsAll(), rec.isNumOfObj2SupportsActive());
    }

    private static void checkAll(String seg, String key, Map<String, Object> in, boolean all, boolean active) {
        Object v = in.get(key);
        if (v == null) return;
        long n = (Long) v;
        if (n == NUM_ALL && !all) throw new FwshException("segment " + seg + " does not support " + key + ": 'all'");
        if (n == NUM_ACTIVE && !active) throw new FwshException("segment " + seg + " does not support " + key + ": 'active'");
    }

    private static MenuRecord byName(DeviceAccess dev, String name) {
        List<MenuRecord> menu = menu(dev);
        for (MenuRecord r : menu) if (r.getName().equalsIgnoreCase(name.trim())) return r;
        List<String> names = new ArrayList<>();
        for (MenuRecord r : menu) names.add(r.getName());
        throw new FwshException("no segment '" + name + "' in the resource dump menu of " + dev.getName() + "; segments: " + String.join(", ", names));
    }

    private static MenuRecord byType(DeviceAccess dev, int type) {
        for (MenuRecord r : menu(dev)) if (r.getSegmentType() == type) return r;
        return null; // not in the menu: the device decides
    }

    private static boolean looksNumeric(String s) {
        return s.trim().matches("(?i)0x[0-9a-f]+|[0-9]+");
    }

    static long number(String key, Object v) {
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            try {
                return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new FwshException("resource dump: " + key + " must be a number (e.g. 5 or 0x1000), got '" + v + "'");
    }

    private static long objects(String key, Object v) {
        if (v instanceof String s && s.equalsIgnoreCase("all")) return NUM_ALL;
        if (v instanceof String s && s.equalsIgnoreCase("active")) return NUM_ACTIVE;
        long n = number(key, v);
        if (n < 0 || (n > 0xfff0 && n != NUM_ALL && n != NUM_ACTIVE)) {
            throw new FwshException("resource dump: " + key + " must be 0..0xfff0, 'all' or 'active', got " + n);
        }
        return n;
    }

    /** Runs the continuation protocol until more_dump clears and parses what came back. */
    private static DumpResult fetch(DeviceAccess dev, Map<String, Object> first, String what, MkeyBuffer buffer) {
        Register reg = dev.getReg().get("RESOURCE_DUMP");
        Map<String, Object> in = new LinkedHashMap<>(first);
        in.put("seq_num", 0L);
        in.put("device_opaque", 0L);
        if (buffer == null) {
            in.put("inline_dump", 1L);
        } else {
            in.put("inline_dump", 0L);
            in.put("mkey", (long) buffer.mkey() & 0xffffffffL);
            in.put("address", buffer.address());
            in.put("size", Math.min(buffer.size(), 0xffffffffL));
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int rounds = 0;
        while (true) {
            Decoded out = reg.read(in);
            rounds++;
            long seqIn = (Long) in.get("seq_num");
            long seqOut = num(out, "seq_num");
            if (seqOut != ((seqIn + 1) & 0xf)) {
                throw new ResourceDumpException("RESOURCE_DUMP " + what + ": the device answered seq_num " + seqOut + " to seq_num "
                        + seqIn + " (expected " + ((seqIn + 1) & 0xf) + ") after " + stream.size() + " bytes; the dump lost its place, run it again",
                        partial(what, stream, rounds, buffer));
            }
            long n = num(out, "size");
            if (buffer == null) {
                if (n > INLINE_MAX) throw new ResourceDumpException("RESOURCE_DUMP " + what + ": the device claims " + n
                        + " bytes of inline data, more than the 208 the register holds", partial(what, stream, rounds, buffer));
                stream.write((byte[]) out.getProperty("bytes"), INLINE_DATA, (int) n);
            } else {
                if (n > buffer.size()) throw new ResourceDumpException("RESOURCE_DUMP " + what + ": the device claims it wrote " + n
                        + " bytes into a " + buffer.size() + "-byte buffer", partial(what, stream, rounds, buffer));
                stream.writeBytes(buffer.bytes(0, (int) n));
            }
            boolean more = num(out, "more_dump") != 0;
            if (!more) break;
            if (n == 0) throw new ResourceDumpException("RESOURCE_DUMP " + what + ": the device set more_dump but returned no data",
                    partial(what, stream, rounds, buffer));
            if (stream.size() > MAX_STREAM) throw new ResourceDumpException("RESOURCE_DUMP " + what + ": stopped after "
                    + stream.size() + " bytes; the device keeps setting more_dump", partial(what, stream, rounds, buffer));
            for (String k : List.of("seq_num", "index1", "index2", "num_of_obj1", "num_of_obj2", "device_opaque")) {
                in.put(k, num(out, k));
            }
        }
        DumpResult r = parse(what, stream.toByteArray(), rounds, buffer == null ? "inline" : "mkey", names(dev, first));
        r.printTo(dev::console);
        if (!r.getErrors().isEmpty()) {
            DumpSegment e = r.getErrors().get(0);
            throw new ResourceDumpException("RESOURCE_DUMP " + what + ": device error 0x" + Long.toHexString(((Number) e.getAt("syndrome_id")).longValue())
                    + ": " + e.getAt("error"), r);
        }
        return r;
    }

    private static Map<Integer, String> names(DeviceAccess dev, Map<String, Object> first) {
        if (((Long) first.get("segment_type")) == MENU) return Map.of();
        Map<Integer, String> m = new LinkedHashMap<>();
        List<MenuRecord> menu = MENUS.get(dev);
        if (menu != null) for (MenuRecord r : menu) m.put(r.getSegmentType(), r.getName());
        return m;
    }

    private static DumpResult partial(String what, ByteArrayOutputStream stream, int rounds, MkeyBuffer buffer) {
        try {
            return parse(what, stream.toByteArray(), rounds, buffer == null ? "inline" : "mkey", Map.of(), true);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long num(Decoded d, String field) {
        return ((Number) d.getProperty(field)).longValue();
    }

    /**
     * Parses a segment stream. {@code names} maps resource segment types to menu names. A segment whose
     * length is zero or runs past the end of the stream is an error; bytes after TERMINATE are ignored.
     */
    public static DumpResult parse(String what, byte[] s, int rounds, String mode, Map<Integer, String> names) {
        return parse(what, s, rounds, mode, names, false);
    }

    /** Lenient parsing (for what arrived before an error) stops at the first incomplete segment. */
    private static DumpResult parse(String what, byte[] s, int rounds, String mode, Map<Integer, String> names, boolean lenient) {
        List<DumpSegment> segments = new ArrayList<>();
        List<MenuRecord> menu = new ArrayList<>();
        int off = 0;
        while (off < s.length) {
            if (lenient && (off + 4 > s.length || off + 4 * u16(s, off) > s.length)) break;
            if (off + 4 > s.length) throw malformed(what, "a segment header at byte " + off + " is cut short", segments, s, rounds, mode);
            int lengthDw = u16(s, off);
            int type = u16(s, off + 2);
            int len = lengthDw * 4;
            if (lengthDw == 0) throw malformed(what, "the segment at byte " + off + " has length 0", segments, s, rounds, mode);
            if (off + len > s.length) {
                throw malformed(what, String.format("segment 0x%04x at byte %d is %d bytes but only %d remain", type, off, len, s.length - off),
                        segments, s, rounds, mode);
            }
            DumpSegment.Kind kind = DumpSegment.Kind.of(type);
            Map<String, Object> f = new LinkedHashMap<>();
            byte[] payload = new byte[0];
            switch (kind) {
                case INFO -> {
                    f.put("dump_version", s[off + 7] & 0xff);
                    f.put("hw_version", u32(s, off, 0x08, len));
                    f.put("fw_version", u32(s, off, 0x0c, len));
                }
                case COMMAND, REFERENCE -> {
                    f.put(kind == DumpSegment.Kind.COMMAND ? "segment_called" : "reference_segment", len >= 8 ? u16(s, off + 4) : 0);
                    if (kind == DumpSegment.Kind.COMMAND) f.put("vhca_id", len >= 8 ? u16(s, off + 6) : 0);
                    f.put("index1", u32(s, off, 0x08, len));
                    f.put("index2", u32(s, off, 0x0c, len));
                    f.put("num_of_obj1", len >= 0x14 ? u16(s, off + 0x10) : 0);
                    f.put("num_of_obj2", len >= 0x14 ? u16(s, off + 0x12) : 0);
                }
                case NOTICE, ERROR -> {
                    f.put("syndrome_id", len >= 8 ? u16(s, off + 6) : 0);
                    f.put(kind == DumpSegment.Kind.NOTICE ? "notice" : "error", ascii(s, off + 0x10, Math.max(0, Math.min(32, len - 0x10))));
                }
                case MENU -> {
                    int count = len >= 8 ? u16(s, off + 6) : 0;
                    if (8 + count * MenuRecord.BYTES > len) {
                        throw malformed(what, "the menu claims " + count + " records but its segment holds "
                                + Math.max(0, (len - 8) / MenuRecord.BYTES), segments, s, rounds, mode);
                    }
                    for (int i = 0; i < count; i++) {
                        int b = off + 8 + i * MenuRecord.BYTES;
                        int flags = (int) u32(s, b, 0, MenuRecord.BYTES);
                        menu.add(new MenuRecord(flags & 0xffff, ascii(s, b + 0x04, 16), ascii(s, b + 0x14, 16), ascii(s, b + 0x24, 16), flags));
                    }
                    f.put("num_of_records", count);
                }
                case TERMINATE -> {
                }
                case RESOURCE -> {
                    f.put("index1", u32(s, off, 0x08, len));
                    f.put("index2", u32(s, off, 0x0c, len));
                    payload = len > 0x10 ? java.util.Arrays.copyOfRange(s, off + 0x10, off + len) : new byte[0];
                }
            }
            String name = kind == DumpSegment.Kind.RESOURCE ? names.getOrDefault(type, "RESOURCE") : kind.name();
            segments.add(new DumpSegment(kind, type, name, f, payload));
            off += len;
            if (kind == DumpSegment.Kind.TERMINATE) break;
        }
        return new DumpResult(what, segments, menu, s.length, rounds, mode);
    }

    private static ResourceDumpException malformed(String what, String why, List<DumpSegment> so, byte[] s, int rounds, String mode) {
        return new ResourceDumpException("RESOURCE_DUMP " + what + ": malformed stream: " + why,
                new DumpResult(what, so, List.of(), s.length, rounds, mode));
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    /** A dword at {@code rel} inside a segment of {@code len} bytes; 0 when the segment is too short to hold it. */
    private static long u32(byte[] b, int seg, int rel, int len) {
        if (rel + 4 > len) return 0;
        int o = seg + rel;
        return ((b[o] & 0xffL) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static String ascii(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && b[off + n] != 0) n++;
        return new String(b, off, n, StandardCharsets.US_ASCII).trim();
    }
}
