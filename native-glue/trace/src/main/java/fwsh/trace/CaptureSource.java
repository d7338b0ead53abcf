package fwsh.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes of a capture by position, so the reader can scan past damage: a file read through a window, or an array. */
abstract class CaptureSource implements Closeable {
    abstract long size();

    /** Copies up to {@code len} bytes at {@code pos}; fewer at the end of the file. */
    abstract int read(long pos, byte[] b, int off, int len);

    static CaptureSource of(byte[] bytes) {
        return new CaptureSource() {
            @Override long size() { return bytes.length; }

            @Override int read(long pos, byte[] b, int off, int len) {
                if (pos >= bytes.length) return 0;
                int n = (int) Math.min(len, bytes.length - pos);
                System.arraycopy(bytes, (int) pos, b, off, n);
                return n;
            }

            @Override public void close() { }
        };
    }

    static CaptureSource of(Path file, String name) throws IOException {
        return new FileSource(FileChannel.open(file, StandardOpenOption.READ), name);
    }

    /** A file read through a 1 MiB window: records are small and read in order, so most reads are copies. */
    private static final class FileSource extends CaptureSource {
        private final FileChannel ch;
        private final String name;
        private final long size;
        private final byte[] window = new byte[1 << 20];
        private long windowStart;
        private int windowLen;

        FileSource(FileChannel ch, String name) throws IOException {
            this.ch = ch;
            this.name = name;
            this.size = ch.size();
        }

        @Override long size() { return size; }

        @Override int read(long pos, byte[] b, int off, int len) {
            if (pos >= size) return 0;
            int n = (int) Math.min(len, size - pos);
            if (n > window.length) return direct(pos, b, off, n);
            if (pos < windowStart || pos + n > windowStart + windowLen) fill(pos);
            System.arraycopy(window, (int) (pos - windowStart), b, off, n);
            return n;
        }

        private void fill(long pos) {
            windowStart = pos;
            windowLen = direct(pos, window, 0, (int) Math.min(window.length, size - pos));
        }

        private int direct(long pos, byte[] b, int off, int n) {
            ByteBuffer buf = ByteBuffer.wrap(b, off, n);
            try {
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position() - off) < 0) break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
            }
            return buf.position() - off;
        }

        @Override public void close() throws IOException {
            ch.close();
        }
    }
}
