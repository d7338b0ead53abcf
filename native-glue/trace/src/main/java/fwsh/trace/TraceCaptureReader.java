package fwsh.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads a trace capture written by {@link TraceCaptureWriter}, record by record. A damaged record (bad checksum,
 * impossible length or type, a payload that does not parse) is skipped: the reader scans on for the next record
 * header whose length and CRC32 check, and resumes there, so every intact record is read. Each damaged stretch is
 * one line in {@link #errors()} naming the byte offset, what is wrong and where reading resumed; {@link #error()}
 * is the first. Damage before the header record (bad magic, unsupported version, a damaged header) ends the file.
 * A clean file ends with an end record and no error; a file that simply stops between records (a capture killed
 * between two writes) ends with no error but {@link #complete()} false.
 */
public final class TraceCaptureReader implements Closeable {

    /** Everything read from a capture; {@code errors} has one line per damaged stretch, {@code error} the first. */
    public record Contents(CaptureRecord.Header header, List<CaptureRecord> records, String error, boolean complete,
                           List<String> errors) {}

    private final CaptureSource src;
    private final String name;
    private final CRC32 crc = new CRC32();
    private final byte[] head = new byte[TraceCaptureWriter.RECORD_HEADER];
    private final List<String> errors = new ArrayList<>();
    private long offset;
    private boolean done;
    private boolean complete;
    private CaptureRecord.Header header;
    /** Payload length of the record {@link #readAt} returned last. */
    private int lastLength;

    /** Reads a capture from a stream (held in memory, so damage can be skipped). */
    public TraceCaptureReader(InputStream in, String name) {
        this(bytes(in, name), name);
    }

    private TraceCaptureReader(CaptureSource src, String name) {
        this.src = src;
        this.name = name == null ? "capture" : name;
        readPreamble();
        if (!done) {
            CaptureRecord first = record(offset, true);
            if (first instanceof CaptureRecord.Header h) header = h;
            else if (first == null && errors.isEmpty()) stop(offset, "truncated file: no header record after the file header");
            else if (first != null) stop(first.offset(), "first record is " + first.getClass().getSimpleName()
                    + "; a capture starts with a header record");
            else done = true;
        }
    }

    public static TraceCaptureReader open(Path file) throws IOException {
        return new TraceCaptureReader(CaptureSource.of(file, file.toString()), file.toString());
    }

    /** Reads the whole file: every intact record, and one line per damaged stretch. */
    public static Contents readAll(Path file) throws IOException {
        try (TraceCaptureReader r = open(file)) {
            List<CaptureRecord> list = new ArrayList<>();
            for (CaptureRecord c; (c = r.next()) != null; ) list.add(c);
            return new Contents(r.header(), Collections.unmodifiableList(list), r.error(), r.complete(), r.errors());
        }
    }

    /** The header record, null when the file is damaged before it (see {@link #error()}). */
    public CaptureRecord.Header header() { return header; }

    /** Null, or the first line describing where and how the file is damaged. */
    public String error() { return errors.isEmpty() ? null : errors.get(0); }

    /** One line per damaged stretch, in file order (empty for an intact file). */
    public List<String> errors() { return List.copyOf(errors); }

    /** Damaged stretches skipped so far (each was one or more records that could not be read). */
    public int skipped() { return errors.size(); }

    /** True once the end record was read. */
    public boolean complete() { return complete; }

    /** The next intact record after the header, or null at the end of the file. */
    public CaptureRecord next() {
        if (done) return null;
        CaptureRecord r = record(offset, false);
        if (r instanceof CaptureRecord.End && !done) {
            // The end record closes the capture: nothing after it belongs to it (bytes there are damage).
            done = true;
            if (offset < src.size()) {
                complete = false;
                stop(offset, "data after the end record (the capture ends there; the file was appended to or is corrupt)");
            }
        }
        return r;
    }

    /**
     * Decodes every block of the capture into {@code sink}, switching string DBs where the capture did and
     * counting recorded overruns. Returns the decode counters; check {@link #errors()} afterwards.
     */
    public TraceStats decode(TraceSink sink) {
        if (header == null) throw new IllegalStateException(error() != null ? error() : name + ": no header record");
        TraceDecoder d = null;
        for (CaptureRecord r; (r = next()) != null; ) {
            if (r instanceof CaptureRecord.StringDbRecord s) {
                if (d == null) d = new TraceDecoder(header.caps(), s.db(), sink);
                else d.setStringDb(s.db());
            } else if (r instanceof CaptureRecord.Block b) {
                if (d == null) d = new TraceDecoder(header.caps(), StringDb.empty(), sink);
                d.decodeBlock(b.data(), 0);
            } else if (r instanceof CaptureRecord.Loss) {
                if (d == null) d = new TraceDecoder(header.caps(), StringDb.empty(), sink);
                d.stats().overruns++;
                d.stats().skippedBlocks++;
            }
        }
        return d == null ? new TraceStats() : d.stats();
    }

    private void readPreamble() {
        byte[] pre = new byte[12];
        int n = src.read(0, pre, 0, pre.length);
        byte[] magic = TraceCaptureWriter.MAGIC;
        int m = Math.min(n, magic.length);
        if (!Arrays.equals(Arrays.copyOf(pre, m), Arrays.copyOf(magic, m)) || n == 0) {
            stop(0, "bad magic: not a fwsh trace capture (expected \"FWSHTRC\\n\", found " + hex(pre, Math.min(n, 8)) + ")");
            return;
        }
        if (n < pre.length) {
            stop(n, "truncated file header: " + n + " of 12 bytes (magic, version, flags)");
            return;
        }
        int version = ((pre[8] & 0xFF) << 8) | (pre[9] & 0xFF);
        if (version != TraceCaptureWriter.VERSION) {
            stop(8, "unsupported capture version " + version + " (this fwsh reads version " + TraceCaptureWriter.VERSION
                    + "); use a newer fwsh");
            return;
        }
        offset = pre.length;
    }

    /**
     * The intact record at {@code at}, or, past damage, the next intact one (the damage noted); null at the end. The
     * header record ({@code first}) is not skipped past: without it nothing can be decoded.
     */
    private CaptureRecord record(long at, boolean first) {
        while (at < src.size()) {
            Object r = readAt(at);
            if (r instanceof CaptureRecord c) {
                if (c instanceof CaptureRecord.Header && !first) {
                    r = "second header record; a capture has exactly one";
                } else {
                    offset = at + TraceCaptureWriter.RECORD_HEADER + lastLength + TraceCaptureWriter.CRC_SIZE;
                    return c;
                }
            }
            String what = (String) r;
            if (first) return stop(at, what);
            long next = resync(at + 1);
            if (next < 0) return stop(at, what);
            errors.add(name + ": at byte offset " + at + ": " + resyncText(what) + "; skipped " + (next - at)
                    + " bytes to the next intact record at byte offset " + next);
            at = next;
        }
        done = true;
        return null;
    }

    /** A damaged record followed by intact ones was not cut off: its length field is what is wrong. */
    private static String resyncText(String what) {
        return what.startsWith("truncated record: type ") && what.contains(" payload bytes, only ")
                ? what.replace("truncated record: ", "").replaceFirst(", only \\d+ present", ", more than the file holds (corrupt length)")
                : what;
    }

    /** The record at {@code at}, or a phrase saying why there is none. */
    private Object readAt(long at) {
        int n = src.read(at, head, 0, head.length);
        if (n < head.length) return "truncated record: " + n + " of 8 header bytes";
        int type = head[0] & 0xFF;
        int len = ((head[4] & 0xFF) << 24) | ((head[5] & 0xFF) << 16) | ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
        if (type < CaptureRecord.TYPE_HEADER || type > CaptureRecord.TYPE_END)
            return "unknown record type " + type + " (corrupt file, or written by a newer fwsh)";
        if (len < 0 || len > TraceCaptureWriter.MAX_PAYLOAD)
            return "record type " + type + " declares " + (len & 0xFFFFFFFFL) + " payload bytes, more than the "
                    + TraceCaptureWriter.MAX_PAYLOAD + " limit (corrupt length)";
        byte[] payload = new byte[(int) Math.min(len, Math.max(0, src.size() - at - head.length))];
        int got = src.read(at + head.length, payload, 0, payload.length);
        if (got < len) return "truncated record: type " + type + " declares " + len + " payload bytes, only " + got + " present";
        byte[] c = new byte[4];
        int gc = src.read(at + head.length + len, c, 0, 4);
        if (gc < 4) return "truncated record: type " + type + " is missing " + (4 - gc) + " of its 4 checksum bytes";
        crc.reset();
        crc.update(head);
        crc.update(payload);
        long stored = ((c[0] & 0xFFL) << 24) | ((c[1] & 0xFFL) << 16) | ((c[2] & 0xFFL) << 8) | (c[3] & 0xFFL);
        if (stored != crc.getValue())
            return String.format("checksum mismatch: record type %d of %d bytes has CRC32 0x%08x stored, 0x%08x computed",
                    type, len, stored, crc.getValue());
        try {
            CaptureRecord r = parse(type, at, ByteBuffer.wrap(payload));
            lastLength = len;
            return r;
        } catch (RuntimeException e) {
            return "malformed record type " + type + ": " + e.getMessage();
        }
    }

    /** The offset of the next record at or after {@code from} whose header is plausible and whose CRC checks, or -1. */
    private long resync(long from) {
        byte[] h = new byte[TraceCaptureWriter.RECORD_HEADER];
        long end = src.size() - TraceCaptureWriter.RECORD_HEADER - TraceCaptureWriter.CRC_SIZE;
        for (long p = from; p <= end; p++) {
            if (src.read(p, h, 0, h.length) < h.length) return -1;
            if (!plausible(h)) continue;
            boolean wasComplete = complete;
            if (readAt(p) instanceof CaptureRecord) {
                complete = wasComplete;   // only a record actually returned ends the capture
                return p;
            }
        }
        return -1;
    }

    /** A header a writer could have written after the first record: a known type, zero reserved bytes, its length. */
    private static boolean plausible(byte[] h) {
        if (h[1] != 0 || h[2] != 0 || h[3] != 0) return false;
        int len = ((h[4] & 0xFF) << 24) | ((h[5] & 0xFF) << 16) | ((h[6] & 0xFF) << 8) | (h[7] & 0xFF);
        return switch (h[0]) {
            case CaptureRecord.TYPE_STRING_DB -> len >= 9 && len <= TraceCaptureWriter.MAX_PAYLOAD;
            case CaptureRecord.TYPE_BLOCK -> len == 12 + TraceBlock.SIZE;
            case CaptureRecord.TYPE_LOSS -> len == 36;
            case CaptureRecord.TYPE_END -> len == 24;
            default -> false;
        };
    }

    private CaptureRecord parse(int type, long at, ByteBuffer p) {
        switch (type) {
            case CaptureRecord.TYPE_HEADER -> {
                long start = p.getLong();
                int trcVer = p.get() & 0xFF, first = p.get() & 0xFF, num = p.get() & 0xFF;
                p.get();
                int bufferSize = p.getInt();
                long kHz = p.getLong();
                int entries = p.getShort() & 0xFFFF;
                Map<String, String> dev = new LinkedHashMap<>();
                for (int i = 0; i < entries; i++) dev.put(string(p), string(p));
                return new CaptureRecord.Header(at, start, Collections.unmodifiableMap(dev),
                        new TracerCaps(trcVer, first, num, bufferSize, kHz));
            }
            case CaptureRecord.TYPE_STRING_DB -> {
                long t = p.getLong();
                int count = p.get() & 0xFF;
                List<StringDb.Section> sections = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    long base = p.getInt() & 0xFFFFFFFFL;
                    int size = p.getInt();
                    if (size < 0 || size > p.remaining())
                        throw new IllegalArgumentException("section " + i + " declares " + size + " bytes, " + p.remaining() + " left");
                    byte[] b = new byte[size];
                    p.get(b);
                    sections.add(new StringDb.Section(base, size, b));
                }
                return new CaptureRecord.StringDbRecord(at, t, new StringDb(sections));
            }
            case CaptureRecord.TYPE_BLOCK -> {
                long t = p.getLong();
                int idx = p.getInt();
                if (p.remaining() != TraceBlock.SIZE) throw new IllegalArgumentException("block of " + p.remaining() + " bytes, expected 256");
                byte[] b = new byte[TraceBlock.SIZE];
                p.get(b);
                return new CaptureRecord.Block(at, t, idx, b);
            }
            case CaptureRecord.TYPE_LOSS -> {
                return new CaptureRecord.Loss(at, p.getLong(), p.getInt(), p.getLong(), p.getLong(), p.getLong());
            }
            default -> {
                CaptureRecord.End e = new CaptureRecord.End(at, p.getLong(), p.getLong(), p.getLong());
                complete = true;
                return e;
            }
        }
    }

    private static String string(ByteBuffer p) {
        int n = p.getShort() & 0xFFFF;
        if (n > p.remaining()) throw new IllegalArgumentException("string of " + n + " bytes, " + p.remaining() + " left");
        byte[] b = new byte[n];
        p.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private CaptureRecord stop(long at, String what) {
        errors.add(name + ": at byte offset " + at + ": " + what);
        done = true;
        return null;
    }

    private static CaptureSource bytes(InputStream in, String name) {
        try (in) {
            return CaptureSource.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (name == null ? "capture" : name) + ": " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] b, int n) {
        if (n == 0) return "an empty file";
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < n; i++) sb.append(String.format("%02x", b[i]));
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        src.close();
    }
}
