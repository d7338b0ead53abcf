package fwsh.replay;

import fwsh.base.ArgumentException;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.text.JsonLines;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses and checks a recording file (REPLAY-FORMAT.md), or the recording inside a support bundle (a tar.gz, read up
 * to that entry). The header must be readable; a record line that is not (it does not parse, a field is missing or
 * wrong, it is cut off mid-record) is skipped with one error naming the line, and reading goes on with the next line
 * that parses, so every intact record is kept.
 */
final class RecordingReader {
    private final Path file;
    private final List<String> notes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<DeviceInfo> infos = new ArrayList<>();
    private final List<Boolean> umem = new ArrayList<>();
    private final List<List<RecordedCall>> calls = new ArrayList<>();
    private long lastSeq;

    private RecordingReader(Path file) {
        this.file = file;
    }

    static Recording read(Path file) {
        String text;
        try {
            byte[] bytes;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                in.mark(2);
                boolean gzip = BundleArchive.isGzip(in.read(), in.read());
                in.reset();
                bytes = gzip ? BundleArchive.recording(file, in) : in.readAllBytes();
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordingFormatException(file, 0, "not UTF-8 text; not a fwsh recording");
        } catch (IOException e) {
            throw RecordingChannel.ioError("cannot read recording file " + file, e);
        }
        if (text.isEmpty()) throw new RecordingFormatException(file, 0, "empty file; not a fwsh recording");
        return new RecordingReader(file).read(text);
    }

    private Recording read(String text) {
        String[] lines = text.split("\n", -1);
        // With a final newline the split leaves an empty last element; without one the last line was cut off.
        boolean lastCut = !text.endsWith("\n");
        int count = lastCut ? lines.length : lines.length - 1;

        RecordingHeader header = header(lines[0], lastCut && count == 1);
        infos.add(header.device());
        umem.add(header.supportsUmem());
        calls.add(new ArrayList<>());
        boolean complete = false;
        for (int i = 1; i < count; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) continue;
            if (complete) {
                errors.add(file + ":" + lineNo + ": " + (count - i) + " line" + (count - i == 1 ? "" : "s")
                        + " after the end line skipped (the file was edited or concatenated)");
                break;
            }
            Map<String, Object> m;
            try {
                m = JsonLines.parseObject(line);
            } catch (IllegalArgumentException e) {
                boolean cut = lastCut && i == count - 1;
                errors.add(file + ":" + lineNo + ": " + (cut ? "record cut off mid-line (the recording stopped while it was "
                        + "written); skipped" : "damaged record skipped: " + e.getMessage()));
                continue;
            }
            try {
                complete = record(m, lineNo, header.version());
            } catch (IllegalArgumentException | ArgumentException e) { // a bad scope is an ArgumentException
                errors.add(file + ":" + lineNo + ": damaged record skipped: " + e.getMessage());
            }
        }
        int records = calls.stream().mapToInt(List::size).sum();
        if (!complete) {
            notes.add(file + ": no end line: the recorded session did not close cleanly; " + records + " records read");
        }
        List<RecordedDevice> devices = new ArrayList<>();
        for (int d = 0; d < infos.size(); d++) devices.add(new RecordedDevice(d, infos.get(d), umem.get(d), calls.get(d)));
        return new Recording(file, header, devices, notes, errors, complete);
    }

    /** Reads one record line; true for the end line. */
    private boolean record(Map<String, Object> m, int lineNo, int version) {
        String type = str(m, "type");
        if (RecordFormat.END.equals(type)) return true;
        if (RecordFormat.HEADER.equals(type)) throw new IllegalArgumentException("a second header line; recordings cannot be concatenated");
        if (RecordFormat.DEVICE.equals(type)) {
            if (version < 2) throw new IllegalArgumentException("a device line in a version 1 recording");
            long dev = num(m, "dev");
            if (dev != infos.size()) throw new IllegalArgumentException("device line for device " + dev + ", expected device " + infos.size());
            DeviceInfo info = device(obj(m, "device"));
            boolean u = bool(m, "supports_umem");
            infos.add(info);
            umem.add(u);
            calls.add(new ArrayList<>());
            return false;
        }
        long seq = num(m, "seq");
        if (seq <= lastSeq) throw new IllegalArgumentException("seq " + seq + " does not follow seq " + lastSeq);
        long dev = optNum(m, "dev", 0);
        if (dev < 0 || dev >= infos.size()) throw new IllegalArgumentException("record of device " + dev + ", which no device line declares");
        RecordedCall c = switch (type) {
            case RecordFormat.RPC -> rpc(m, seq, lineNo);
            case RecordFormat.UMEM_REGISTER -> umem(m, seq, lineNo, true);
            case RecordFormat.UMEM_UNREGISTER -> umem(m, seq, lineNo, false);
            case RecordFormat.EVENT -> event(m, seq, lineNo);
            default -> throw new IllegalArgumentException("unknown record type \"" + type + "\"");
        };
        lastSeq = seq;
        calls.get((int) dev).add(c);
        return false;
    }

    private RecordingHeader header(String line, boolean cut) {
        Map<String, Object> m;
        try {
            m = JsonLines.parseObject(line);
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(file, 1, (cut ? "header line is cut off" : "bad header: " + e.getMessage())
                    + "; not a readable fwsh recording");
        }
        try {
            Object format = m.get("format");
            if (!RecordFormat.FORMAT.equals(format) || !RecordFormat.HEADER.equals(m.get("type"))) {
                throw new IllegalArgumentException("not a fwsh recording (format " + (format == null ? "missing" : "\"" + format + "\"")
                        + ", expected \"" + RecordFormat.FORMAT + "\")");
            }
            long version = num(m, "version");
            if (!RecordFormat.reads(version)) {
                throw new IllegalArgumentException("format version " + version + " is not supported; this fwsh reads versions 1 and "
                        + RecordFormat.VERSION + (version > RecordFormat.VERSION ? "; use a newer fwsh" : "; record the session again"));
            }
            DeviceInfo info = device(obj(m, "device"));
            return new RecordingHeader(RecordFormat.FORMAT, (int) version, optStr(m, "fwsh"), str(m, "time"),
                    optStr(m, "host"), info, bool(m, "supports_umem"));
        } catch (IllegalArgumentException e) {
            throw new RecordingFormatException(file, 1, "bad header: " + e.getMessage());
        }
    }

    private static DeviceInfo device(Map<String, Object> d) {
        return new DeviceInfo(str(d, "name"), transport(d, "transport"), transport(d, "personality"),
                optStr(d, "pci"), optStr(d, "node"), (int) optNum(d, "device_type", 0), (int) num(d, "uid"),
                hexNum(d, "uctx_caps"), strList(d, "netdevs"), strList(d, "rdma"), optStr(d, "profile"));
    }

    private static RecordedRpc rpc(Map<String, Object> m, long seq, int line) {
        String sc = optStr(m, "scope");
        Scope scope = sc == null ? null : Scope.parse(sc);
        byte[] in = m.get("in") == null ? null : hex(m, "in", -1);
        int outLen = (int) num(m, "out_len");
        if (in != null && in.length >= 8) {
            String op = optStr(m, "opcode");
            if (op != null && parseHex("opcode", op) != Mailbox.opcode(in)) {
                throw new IllegalArgumentException("opcode field " + op + " disagrees with the input mailbox (0x"
                        + Integer.toHexString(Mailbox.opcode(in)) + ")");
            }
            if (m.containsKey("op_mod") && num(m, "op_mod") != Mailbox.opMod(in)) {
                throw new IllegalArgumentException("op_mod field " + m.get("op_mod") + " disagrees with the input mailbox ("
                        + Mailbox.opMod(in) + ")");
            }
        }
        RecordedError err = error(m);
        byte[] out = null;
        if (err == null) {
            int actual = (int) optNum(m, "out_len_actual", outLen);
            if (actual < 0) throw new IllegalArgumentException("out_len_actual " + actual + " is negative");
            out = hex(m, "out", actual);
        }
        return new RecordedRpc(seq, line, str(m, "time"), optNum(m, "t_ns", 0), optStr(m, "thread"), scope, in, outLen,
                out, err, optNum(m, "latency_ns", 0));
    }

    private static RecordedUmem umem(Map<String, Object> m, long seq, int line, boolean register) {
        RecordedError err = error(m);
        long requested = register ? num(m, "size") : 0;
        boolean hasResult = err == null && register;
        int id = hasResult || !register ? (int) num(m, "id") : (int) optNum(m, "id", -1);
        long address = hasResult ? hexNum(m, "address") : 0;
        long size = hasResult ? num(m, "umem_size") : 0;
        return new RecordedUmem(seq, line, register, str(m, "time"), optNum(m, "t_ns", 0), optStr(m, "thread"),
                requested, id, address, size, err, optNum(m, "latency_ns", 0));
    }

    private static RecordedEvent event(Map<String, Object> m, long seq, int line) {
        DeviceEvent e = new DeviceEvent((int) hexNum(m, "event_type"), (int) num(m, "sub_type"), hexNum(m, "device_timestamp"),
                optStr(m, "description"));
        return new RecordedEvent(seq, line, str(m, "time"), optNum(m, "t_ns", 0), optStr(m, "thread"), e);
    }

    private static RecordedError error(Map<String, Object> m) {
        if (!m.containsKey("errno")) return null;
        return new RecordedError((int) num(m, "errno"), optStr(m, "exception"), optStr(m, "message"));
    }

    // ---- typed field access; every failure is one phrase naming the field ----

    private static Object req(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) throw new IllegalArgumentException("field \"" + k + "\" is missing");
        return v;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = req(m, k);
        if (!(v instanceof String s)) throw new IllegalArgumentException("field \"" + k + "\" must be a string, not " + v);
        return s;
    }

    private static String optStr(Map<String, Object> m, String k) {
        return m.get(k) == null ? null : str(m, k);
    }

    private static long num(Map<String, Object> m, String k) {
        Object v = req(m, k);
        if (!(v instanceof Long l)) throw new IllegalArgumentException("field \"" + k + "\" must be an integer, not " + v);
        return l;
    }

    private static long optNum(Map<String, Object> m, String k, long dflt) {
        return m.get(k) == null ? dflt : num(m, k);
    }

    private static boolean bool(Map<String, Object> m, String k) {
        Object v = req(m, k);
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("field \"" + k + "\" must be true or false, not " + v);
        return b;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> m, String k) {
        Object v = req(m, k);
        if (!(v instanceof Map)) throw new IllegalArgumentException("field \"" + k + "\" must be an object");
        return (Map<String, Object>) v;
    }

    private static List<String> strList(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
            throw new IllegalArgumentException("field \"" + k + "\" must be a list of strings");
        }
        return l.stream().map(x -> (String) x).toList();
    }

    /** "0x1f" strings (or plain integers). */
    private static long hexNum(Map<String, Object> m, String k) {
        Object v = req(m, k);
        if (v instanceof Long l) return l;
        return parseHex(k, str(m, k));
    }

    private static long parseHex(String k, String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (!t.startsWith("0x")) throw new IllegalArgumentException("field \"" + k + "\" must be hex like 0x805, not \"" + s + "\"");
        try {
            return Long.parseUnsignedLong(t.substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field \"" + k + "\" must be hex like 0x805, not \"" + s + "\"");
        }
    }

    private static byte[] hex(Map<String, Object> m, String k, int len) {
        String h = str(m, k);
        try {
            return Hex.decode(h, len);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad hex in \"" + k + "\": " + e.getMessage());
        }
    }

    private static Transport transport(Map<String, Object> m, String k) {
        String s = str(m, k);
        for (Transport t : Transport.values()) {
            if (t.label.equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)) return t;
        }
        throw new IllegalArgumentException("field \"" + k + "\": unknown transport \"" + s + "\" (fwctl, mlx5ctl, emulated, replay)");
    }
}
