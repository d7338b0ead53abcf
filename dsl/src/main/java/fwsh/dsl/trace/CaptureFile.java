package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.trace.BlockParser;
import fwsh.trace.StringDb;
import fwsh.trace.TraceCaptureWriter;
import fwsh.trace.TracerCaps;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A capture being written to a file. The writer flushes each record in one write, so the bytes of every write that
 * completed are whole records: when a write fails (disk full, file size limit) the file is cut back to them, closed,
 * and the capture stops quietly; {@link #failureLine} then says in one line which file, the OS reason and how much
 * is readable. Not thread-safe: the poll that decodes the blocks writes them.
 */
final class CaptureFile implements BlockParser.Handler {
    private final Path path;
    private final FileChannel channel;
    private long complete;            // bytes of writes that completed: whole records
    private TraceCaptureWriter writer;
    private IOException failure;
    private boolean finished;

    private CaptureFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates (or truncates) {@code file} and writes the header and string DB; a write failure is kept, not thrown. */
    static CaptureFile create(Path file, Map<String, String> identity, TracerCaps caps, StringDb db, LongSupplier epochNanos) {
        FileChannel ch;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FwshException("cannot create capture file " + file + ": " + reason(e), e);
        }
        CaptureFile c = new CaptureFile(file, ch);
        try {
            c.writer = new TraceCaptureWriter(c.new Whole(), identity, caps, db, epochNanos);
        } catch (UncheckedIOException e) {
            c.fail(e);
        }
        return c;
    }

    Path path() {
        return path;
    }

    @Override
    public void block(long[] events, int blockIndex, long blockTimestamp) {
        if (failure != null || finished) return;
        try {
            writer.block(events, blockIndex, blockTimestamp);
        } catch (UncheckedIOException e) {
            fail(e);
        }
    }

    @Override
    public void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
        if (failure != null || finished) return;
        try {
            writer.overrun(blockIndex, blockTimestamp, previousBlockTimestamp, lastTimestamp);
        } catch (UncheckedIOException e) {
            fail(e);
        }
    }

    /** A string-DB update: blocks after it decode with {@code db}. */
    void stringDb(StringDb db) {
        if (failure != null || finished) return;
        try {
            writer.stringDb(db);
        } catch (UncheckedIOException e) {
            fail(e);
        }
    }

    /** Writes the end record and closes the file; idempotent. A failure here is kept like any other. */
    void finish() {
        if (finished) return;
        finished = true;
        if (failure == null) {
            try {
                writer.close();
            } catch (UncheckedIOException e) {
                fail(e);
            }
        }
        closeQuietly();
    }

    boolean failed() {
        return failure != null;
    }

    long blocks() {
        return writer == null ? 0 : writer.blocks();
    }

    long overruns() {
        return writer == null ? 0 : writer.overruns();
    }

    /**
     * {@code capture: cannot write fw.trc: No space left on device; the tracer was stopped; 1234 blocks before the
     * failure are readable}.
     */
    String failureLine(String tracerState) {
        long b = blocks();
        return "capture: cannot write " + path + ": " + reason(failure) + "; " + tracerState + "; "
                + (b == 0 ? "no block was written before the failure" : b + (b == 1 ? " block" : " blocks") + " before the failure "
                + (b == 1 ? "is" : "are") + " readable");
    }

    /** Keeps the first failure, cuts the file back to its last complete record and closes it. */
    private void fail(UncheckedIOException e) {
        failure = e.getCause();
        try {
            channel.truncate(complete);
        } catch (IOException | RuntimeException ignored) {
            // not a regular file (/dev/full) or the file system refuses even that: the reader stops at the last whole record
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing is left to write
        }
    }

    private static String reason(IOException e) {
        String m = e == null ? null : e.getMessage();
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return m == null ? String.valueOf(e) : m;
    }

    /** Each write either completes (and counts towards {@link #complete}) or throws. */
    private final class Whole extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) channel.write(buf);
            complete += len;
        }
    }
}
