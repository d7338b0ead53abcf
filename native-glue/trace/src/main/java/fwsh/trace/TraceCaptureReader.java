package fwsh.trace;

import java.io.BufferedInputStream;
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
 * Reads a trace capture written by {@link TraceCaptureWriter}, record by record. A damaged or truncated file is
 * read up to its last good record; then {@link #next()} returns null and {@link #error()} holds ONE line naming
 * the byte offset and what is wrong (bad magic, unsupported version, truncated record, checksum mismatch,
 * unknown record type). A clean file ends with an end record and no error; a file that simply stops between
 * records (a capture killed between two writes) ends with no error but {@link #complete()} false.
 */
public final class TraceCaptureReader implements Closeable {

    /** Everything read from a capture. */
    public record Contents(CaptureRecord.Header header, List<CaptureRecord> records, String error, boolean complete) {}

    private final InputStream in;
    private final String name;
    private final CRC32 crc = new CRC32();
    private final byte[] head = new byte[TraceCaptureWriter.RECORD_HEADER];
    private long offset;
    private String error;
    private boolean done;
    private boolean complete;
    private CaptureRecord.Header header;

    public TraceCaptureReader(InputStream in, String name) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.name = name == null ? "capture" : name;
        readPreamble();
        if (!done) {
            CaptureRecord first = next0();
            if (first instanceof CaptureRecord.Header h) header = h;
            else if (first == null && error == null) fail(offset, "truncated file: no header record after the file header");
            else if (first != null) fail(first.offset(), "first record is " + first.getClass().getSimpleName()
                    + "; a capture starts with a header record");
        }
    }

    public static TraceCaptureReader open(Path file) throws IOException {
        return new TraceCaptureReader(Files.newInputStream(file), file.toString());
    }

    /** Reads the whole file: the records before any damage, and the error line if there was damage. */
    public static Contents readAll(Path file) throws IOException {
        try (TraceCaptureReader r = open(file)) {
            List<CaptureRecord> list = new ArrayList<>();
            for (CaptureRecord c; (c = r.next()) != null; ) list.add(c);
            return new Contents(r.header(), Collections.unmodifiableList(list), r.error(), r.complete());
        }
    }

    /** The header record, null when the file is damaged before it (see {@link #error()}). */
    public CaptureRecord.Header header() { return header; }

    /** Null, or the one line describing where and how the file is damaged. */
    public String error() { return error; }

    /** True once the end record was read. */
    public boolean complete() { return complete; }

    /** The next record after the header, or null at the end of the file or at damage. */
    public CaptureRecord next() {
        if (done) return null;
        CaptureRecord r = next0();
        if (r instanceof CaptureRecord.Header h) {
            fail(h.offset(), "second header record; a capture has exactly one");
            return null;
        }
        return r;
    }

    /**
     * Decodes every block of the capture into {@code sink}, switching string DBs where the capture did and
     * counting recorded overruns. Returns the decode counters; check {@link #error()} afterwards.
     */
    public TraceStats decode(TraceSink sink) {
        if (header == null) throw new IllegalStateException(error != null ? error : name + ": no header record");
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
        int n = readFully(pre, 0, pre.length);
        byte[] magic = TraceCaptureWriter.MAGIC;
        int m = Math.min(n, magic.length);
        if (!Arrays.equals(Arrays.copyOf(pre, m), Arrays.copyOf(magic, m)) || n == 0) {
            fail(0, "bad magic: not a fwsh trace capture (expected \"FWSHTRC\\n\", found " + hex(pre, Math.min(n, 8)) + ")");
            return;
        }
        if (n < pre.length) {
            fail(n, "truncated file header: " + n + " of 12 bytes (magic, version, flags)");
            return;
        }
        int version = ((pre[8] & 0xFF) << 8) | (pre[9] & 0xFF);
        if (version != TraceCaptureWriter.VERSION) {
            fail(8, "unsupported capture version " + version + " (this fwsh reads version " + TraceCaptureWriter.VERSION
                    + "); use a newer fwsh");
            return;
        }
        offset = pre.length;
    }

    private CaptureRecord next0() {
        long at = offset;
        int n = readFully(head, 0, head.length);
        if (n == 0) {
            done = true;
            return null;
        }
        if (n < head.length) return fail(at, "truncated record: " + n + " of 8 header bytes");
        int type = head[0] & 0xFF;
        int len = ((head[4] & 0xFF) << 24) | ((head[5] & 0xFF) << 16) | ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
        if (type < CaptureRecord.TYPE_HEADER || type > CaptureRecord.TYPE_END)
            return fail(at, "unknown record type " + type + " (corrupt file, or written by a newer fwsh)");
        if (len < 0 || len > TraceCaptureWriter.MAX_PAYLOAD)
            return fail(at, "record type " + type + " declares " + (len & 0xFFFFFFFFL) + " payload bytes, more than the "
                    + TraceCaptureWriter.MAX_PAYLOAD + " limit (corrupt length)");
        byte[] payload = new byte[len];
        int got = readFully(payload, 0, len);
        if (got < len) return fail(at, "truncated record: type " + type + " declares " + len + " payload bytes, only " + got + " present");
        byte[] c = new byte[4];
        int gc = readFully(c, 0, 4);
        if (gc < 4) return fail(at, "truncated record: type " + type + " is missing " + (4 - gc) + " of its 4 checksum bytes");
        crc.reset();
        crc.update(head);
        crc.update(payload);
        long stored = ((c[0] & 0xFFL) << 24) | ((c[1] & 0xFFL) << 16) | ((c[2] & 0xFFL) << 8) | (c[3] & 0xFFL);
        if (stored != crc.getValue())
            return fail(at, String.format("checksum mismatch: record type %d of %d bytes has CRC32 0x%08x stored, 0x%08x computed",
                    type, len, stored, crc.getValue()));
        offset = at + head.length + len + 4;
        CaptureRecord r;
        try {
            r = parse(type, at, ByteBuffer.wrap(payload));
        } catch (RuntimeException e) {
            return fail(at, "malformed record type " + type + ": " + e.getMessage());
        }
        if (r instanceof CaptureRecord.End) {
            // The end record closes the capture: nothing after it belongs to it (bytes there are damage).
            done = true;
            if (readFully(new byte[1], 0, 1) > 0) {
                complete = false;
                fail(offset, "data after the end record (the capture ends there; the file was appended to or is corrupt)");
            }
        }
        return r;
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

    private CaptureRecord fail(long at, String what) {
        if (error == null) error = name + ": at byte offset " + at + ": " + what;
        done = true;
        return null;
    }

    private int readFully(byte[] b, int off, int len) {
        int total = 0;
        try {
            while (total < len) {
                int r = in.read(b, off + total, len - total);
                if (r < 0) break;
                total += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return total;
    }

    private static String hex(byte[] b, int n) {
        if (n == 0) return "an empty file";
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < n; i++) sb.append(String.format("%02x", b[i]));
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
