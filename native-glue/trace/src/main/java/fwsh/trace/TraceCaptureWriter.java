package fwsh.trace;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * Writes a trace capture (format in CAPTURE-FORMAT.md): magic and version, a header record (device identity,
 * tracer caps, start time), the string DB, then one record per consumed block, overruns, string-DB updates and
 * an end record. Every record is length-prefixed and CRC32-checked and is flushed as soon as it is written, so
 * a capture cut short by a crash or Ctrl-C is readable up to its last complete record.
 *
 * <p>Set as the decoder's block tap ({@link TraceDecoder#setBlockTap}) to capture while tailing. Host times
 * come from the given clock (nanoseconds since the epoch; a virtual clock in tests). Not thread-safe.
 */
public final class TraceCaptureWriter implements BlockParser.Handler, Closeable {

    static final byte[] MAGIC = {'F', 'W', 'S', 'H', 'T', 'R', 'C', '\n'};
    static final int VERSION = 1;
    /** Record header: type u8, 3 reserved bytes, payload length u32. */
    static final int RECORD_HEADER = 8;
    static final int CRC_SIZE = 4;
    /** Largest payload a reader accepts (8 sections of 16 MB would not fit; real DBs are far smaller). */
    static final int MAX_PAYLOAD = 64 << 20;

    private final OutputStream out;
    private final LongSupplier clock;
    private final CRC32 crc = new CRC32();
    private ByteBuffer rec = ByteBuffer.allocate(512);
    private long blocks, overruns;
    private boolean closed;

    /**
     * Starts a capture on {@code out}: writes the magic, version, header and string DB records.
     *
     * @param device identity strings (name, pci, psid, fw version...), kept in order
     * @param clock  host time in nanoseconds since the epoch
     */
    public TraceCaptureWriter(OutputStream out, Map<String, String> device, TracerCaps caps, StringDb db, LongSupplier clock) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "output"), 8192);
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(caps, "caps");
        try {
            this.out.write(MAGIC);
            this.out.write(new byte[]{0, (byte) VERSION, 0, 0});
        } catch (IOException e) {
            throw failed(e);
        }
        header(device == null ? Map.of() : device, caps);
        stringDb(db);
    }

    /** Creates (or truncates) {@code file} and starts a capture with the system clock. */
    public static TraceCaptureWriter create(Path file, Map<String, String> device, TracerCaps caps, StringDb db) throws IOException {
        return new TraceCaptureWriter(Files.newOutputStream(file), device, caps, db, TraceCaptureWriter::epochNanos);
    }

    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private void header(Map<String, String> device, TracerCaps caps) {
        begin(CaptureRecord.TYPE_HEADER);
        rec.putLong(clock.getAsLong());
        rec.put((byte) caps.trcVer()).put((byte) caps.firstStringTrace()).put((byte) caps.numStringTrace()).put((byte) 0);
        rec.putInt(caps.bufferSize());
        rec.putLong(caps.deviceFrequencyKHz());
        Map<String, String> d = new LinkedHashMap<>(device);
        rec.putShort((short) d.size());
        for (Map.Entry<String, String> e : d.entrySet()) {
            putString(Objects.requireNonNull(e.getKey(), "device key"));
            putString(e.getValue() == null ? "" : e.getValue());
        }
        end();
    }

    /** Records a new string DB (a STRINGS_DB_UPDATE): blocks after it decode with it. */
    public void stringDb(StringDb db) {
        Objects.requireNonNull(db, "string DB");
        begin(CaptureRecord.TYPE_STRING_DB);
        rec.putLong(clock.getAsLong());
        rec.put((byte) db.sections().size());
        for (StringDb.Section s : db.sections()) {
            ensure(8 + s.size());
            rec.putInt((int) s.base()).putInt(s.size()).put(s.bytes());
        }
        end();
    }

    /** Records one block given as its 32 events. */
    @Override
    public void block(long[] events, int blockIndex, long blockTimestamp) {
        begin(CaptureRecord.TYPE_BLOCK);
        rec.putLong(clock.getAsLong()).putInt(blockIndex);
        for (int i = 0; i < TraceBlock.EVENTS; i++) rec.putLong(events[i]);
        end();
        blocks++;
    }

    /** Records one block given as 256 bytes at {@code offset}. */
    public void block(byte[] data, int offset, int blockIndex) {
        if (offset < 0 || data.length - offset < TraceBlock.SIZE)
            throw new IllegalArgumentException("a trace block is 256 bytes; " + Math.max(0, data.length - offset) + " available at offset " + offset);
        begin(CaptureRecord.TYPE_BLOCK);
        rec.putLong(clock.getAsLong()).putInt(blockIndex).put(data, offset, TraceBlock.SIZE);
        end();
        blocks++;
    }

    @Override
    public void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
        begin(CaptureRecord.TYPE_LOSS);
        rec.putLong(clock.getAsLong()).putInt(blockIndex).putLong(blockTimestamp).putLong(previousBlockTimestamp).putLong(lastTimestamp);
        end();
        overruns++;
    }

    public long blocks() { return blocks; }
    public long overruns() { return overruns; }

    /** Writes the end record and closes the stream. */
    @Override
    public void close() {
        if (closed) return;
        begin(CaptureRecord.TYPE_END);
        rec.putLong(clock.getAsLong()).putLong(blocks).putLong(overruns);
        end();
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void begin(int type) {
        if (closed) throw new IllegalStateException("trace capture is closed");
        rec.clear();
        rec.put((byte) type).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0);
    }

    private void end() {
        int len = rec.position() - RECORD_HEADER;
        rec.putInt(4, len);
        crc.reset();
        crc.update(rec.array(), 0, rec.position());
        ensure(CRC_SIZE);
        rec.putInt((int) crc.getValue());
        try {
            out.write(rec.array(), 0, rec.position());
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void putString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) throw new IllegalArgumentException("device identity string of " + b.length + " bytes; the limit is 65535");
        ensure(2 + b.length);
        rec.putShort((short) b.length).put(b);
    }

    private void ensure(int more) {
        if (rec.remaining() >= more) return;
        ByteBuffer n = ByteBuffer.allocate(Math.max(rec.capacity() * 2, rec.position() + more + 64));
        rec.flip();
        n.put(rec);
        rec = n;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write trace capture: " + e.getMessage(), e);
    }
}
