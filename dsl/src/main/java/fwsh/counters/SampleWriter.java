package fwsh.counters;

import fwsh.text.JsonString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streams samples to a file as CSV or JSON lines. Lines are formatted into a private buffer and handed to the OS
 * only whole, at {@link #maybeFlush} time, so a crash, kill or Ctrl-C leaves a file whose every line is complete.
 * Formatting does not allocate.
 */
final class SampleWriter implements AutoCloseable {
    private final OutputStream out;
    private final SampleFormat format;
    private final List<CounterDef> defs;
    private final boolean deviceTime;
    private final byte[][] jsonKeys;
    private final long flushEveryNanos;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private long lastFlush;
    private long lines;

    SampleWriter(Path path, SampleFormat format, List<CounterDef> defs, boolean deviceTime, long flushEveryNanos) throws IOException {
        this.out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.format = format;
        this.defs = defs;
        this.deviceTime = deviceTime;
        this.flushEveryNanos = flushEveryNanos;
        this.jsonKeys = new byte[defs.size()][];
        for (int i = 0; i < defs.size(); i++) {
            StringBuilder sb = new StringBuilder(",");
            JsonString.quote(sb, defs.get(i).name());
            jsonKeys[i] = sb.append(':').toString().getBytes(StandardCharsets.UTF_8);
        }
        if (format == SampleFormat.CSV) {
            StringBuilder h = new StringBuilder("t_ns");
            if (deviceTime) h.append(",device_ns");
            for (CounterDef d : defs) h.append(',').append(Formats.csvCell(d.name()));
            put(h.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            flush();
        }
    }

    long lines() {
        return lines;
    }

    void write(long tNanos, long deviceNanos, long[] values) {
        ensure(32 + 21 * (values.length + 2) + (format == SampleFormat.JSON_LINES ? totalKeyBytes() : 0));
        if (format == SampleFormat.CSV) {
            putLong(tNanos);
            if (deviceTime) {
                put((byte) ',');
                if (deviceNanos != CounterSource.NO_DEVICE_TIME) putLong(deviceNanos);
            }
            for (int i = 0; i < defs.size(); i++) {
                put((byte) ',');
                putValue(values[i], defs.get(i));
            }
        } else {
            put(T_KEY);
            putLong(tNanos);
            if (deviceTime && deviceNanos != CounterSource.NO_DEVICE_TIME) {
                put(DEV_KEY);
                putLong(deviceNanos);
            }
            for (int i = 0; i < defs.size(); i++) {
                put(jsonKeys[i]);
                putValue(values[i], defs.get(i));
            }
            put((byte) '}');
        }
        put((byte) '\n');
        lines++;
    }

    /** Hands buffered whole lines to the OS when {@code flushEveryNanos} passed since the last flush or the buffer is big. */
    void maybeFlush(long nowNanos) throws IOException {
        if (len > 0 && (nowNanos - lastFlush >= flushEveryNanos || len > 512 * 1024)) {
            flush();
            lastFlush = nowNanos;
        }
    }

    void flush() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            out.flush();
            len = 0;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    /** Closes the file without writing buffered lines: what a crash leaves behind (for tests). */
    void abandon() throws IOException {
        len = 0;
        out.close();
    }

    private static final byte[] T_KEY = "{\"t_ns\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DEV_KEY = ",\"device_ns\":".getBytes(StandardCharsets.US_ASCII);

    private int totalKeyBytes() {
        int n = 0;
        for (byte[] k : jsonKeys) n += k.length;
        return n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }

    private void put(byte b) {
        buf[len++] = b;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void putValue(long v, CounterDef d) {
        if (!d.isGauge() && v < 0) {
            put(Long.toUnsignedString(v).getBytes(StandardCharsets.US_ASCII)); // ≥ 2^63: rare, may allocate
        } else {
            putLong(v);
        }
    }

    private void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            put(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }
}
