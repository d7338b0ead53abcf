package fwsh.replay;

import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.channel.Umem;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A decorator that records every RPC and umem registration of a channel to a JSON-lines file
 * (REPLAY-FORMAT.md), for {@link ReplayChannel} to serve back later.
 *
 * <p>Each record is written and flushed as one whole line when its call completes, so a crash
 * leaves a file readable up to the last finished call. Concurrent calls are recorded in completion
 * order, each line whole. A failed call (any exception; normally a {@link ChannelException}) is
 * recorded with its errno, class and message and then re-thrown unchanged. Closing writes an end
 * line, closes the file and closes the wrapped channel.
 */
public final class RecordingChannel implements Channel {
    private final Channel delegate;
    private final Path file;
    private final Writer writer;
    private final long startNanos;
    private final Object lock = new Object();
    private long seq;
    private boolean closed;

    /** Records {@code delegate} into {@code file} (created or truncated), with fwsh's own version if known. */
    public static RecordingChannel create(Channel delegate, Path file) {
        return new RecordingChannel(delegate, file, RecordingChannel.class.getPackage().getImplementationVersion());
    }

    /**
     * @param fwshVersion written to the header, or null if unknown
     * @throws ChannelException (EIO, ENOENT or EACCES) if the file cannot be created
     */
    public RecordingChannel(Channel delegate, Path file, String fwshVersion) {
        if (delegate == null) throw new IllegalArgumentException("nothing to record: the channel is null");
        this.delegate = delegate;
        this.file = file;
        DeviceInfo info = delegate.info();
        boolean umem = delegate.supportsUmem();
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw ioError("cannot create recording file " + file, e);
        }
        this.startNanos = System.nanoTime();
        Json.Line h = new Json.Line().put("type", RecordFormat.HEADER).put("format", RecordFormat.FORMAT)
                .put("version", RecordFormat.VERSION).put("fwsh", fwshVersion).put("time", Instant.now().toString())
                .put("host", hostName()).put("device", deviceJson(info)).put("supports_umem", umem);
        try {
            writer.write(h + "\n");
            writer.flush();
        } catch (IOException e) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // already reporting the write failure
            }
            throw ioError("cannot write recording file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The channel being recorded. */
    public Channel delegate() {
        return delegate;
    }

    /** Records written so far (header and end line not counted). */
    public long records() {
        synchronized (lock) {
            return seq;
        }
    }

    @Override
    public DeviceInfo info() {
        return delegate.info();
    }

    @Override
    public boolean supportsUmem() {
        return delegate.supportsUmem();
    }

    @Override
    public byte[] rpc(Scope scope, byte[] in, int outLen) {
        checkOpen();
        Json.Line r = start(RecordFormat.RPC).put("scope", scope == null ? null : scope.label);
        if (in != null && in.length >= 8) {
            int opcode = Mailbox.opcode(in);
            r.put("opcode", "0x" + Integer.toHexString(opcode));
            String name = Requests.opcodeName(opcode);
            if (!name.startsWith("opcode ")) r.put("op", name);
            r.put("op_mod", Mailbox.opMod(in));
            if (Requests.hasRegister(in)) r.put("register", String.format("0x%04x", Requests.register(in)));
        }
        r.put("in", in == null ? null : Hex.encode(in)).put("out_len", outLen);
        long t0 = System.nanoTime();
        byte[] out;
        try {
            out = delegate.rpc(scope, in, outLen);
        } catch (RuntimeException e) {
            appendFailure(r, e, t0);
            throw e;
        }
        long latency = System.nanoTime() - t0;
        if (out.length != outLen) r.put("out_len_actual", out.length);
        r.put("out", Hex.encodeTrimmed(out)).put("latency_ns", latency);
        append(r);
        return out;
    }

    @Override
    public Umem registerUmem(long size) {
        checkOpen();
        Json.Line r = start(RecordFormat.UMEM_REGISTER).put("size", size);
        long t0 = System.nanoTime();
        Umem u;
        try {
            u = delegate.registerUmem(size);
        } catch (RuntimeException e) {
            appendFailure(r, e, t0);
            throw e;
        }
        r.put("id", u.id()).put("address", "0x" + Long.toHexString(u.address())).put("umem_size", u.size())
                .put("latency_ns", System.nanoTime() - t0).put("note", "umem content is not recorded");
        append(r);
        return new RecordedUmemHandle(u);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            try {
                delegate.close();
            } finally {
                try {
                    writer.write(new Json.Line().put("type", RecordFormat.END).put("time", Instant.now().toString())
                            .put("t_ns", System.nanoTime() - startNanos).put("records", seq) + "\n");
                    writer.close();
                } catch (IOException e) {
                    throw ioError("cannot finish recording file " + file, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "recording of " + delegate + " to " + file;
    }

    private Json.Line start(String type) {
        return new Json.Line().put("type", type).put("time", Instant.now().toString())
                .put("t_ns", System.nanoTime() - startNanos).put("thread", Thread.currentThread().getName());
    }

    private void appendFailure(Json.Line r, RuntimeException e, long t0) {
        RecordedError err = RecordedError.of(e);
        r.put("errno", err.errno()).put("errno_name", err.errnoName()).put("exception", err.exception())
                .put("message", err.message()).put("latency_ns", System.nanoTime() - t0);
        try {
            append(r);
        } catch (ChannelException writeFailure) {
            e.addSuppressed(writeFailure);
        }
    }

    /** Writes one whole record line and flushes it; the sequence number is assigned here, in file order. */
    private void append(Json.Line body) {
        String text = body.toString();
        synchronized (lock) {
            // A call that completes after close() is not recorded: the file already has its end line.
            if (closed) return;
            long n = seq + 1;
            try {
                writer.write("{\"seq\":" + n + "," + text.substring(1) + "\n");
                writer.flush();
            } catch (IOException e) {
                throw ioError("cannot write recording file " + file + " (the call completed but is not recorded)", e);
            }
            seq = n;
        }
    }

    private void checkOpen() {
        synchronized (lock) {
            if (closed) {
                throw new ChannelException(Errno.EBADF, "recording of " + delegate.info().name() + " to " + file
                        + " is closed; open a new channel");
            }
        }
    }

    private static Json.Line deviceJson(DeviceInfo d) {
        return new Json.Line().put("name", d.name()).put("transport", label(d.transport()))
                .put("personality", label(d.personality())).put("pci", d.pci()).put("node", d.node())
                .put("device_type", d.deviceType()).put("uid", d.uid()).put("uctx_caps", "0x" + Long.toHexString(d.uctxCaps()))
                .put("netdevs", d.netdevs()).put("rdma", d.rdmaDevs()).put("profile", d.profile());
    }

    private static String label(fwsh.channel.Transport t) {
        return t == null ? null : t.label;
    }

    private static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException ignored) {
            // not Linux or no procfs: fall back to the environment
        }
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? null : h;
    }

    static ChannelException ioError(String what, IOException e) {
        int errno = e instanceof NoSuchFileException ? Errno.ENOENT : e instanceof AccessDeniedException ? Errno.EACCES : Errno.EIO;
        String reason = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        return new ChannelException(errno, what + ": " + reason, e);
    }

    /** The delegate's umem; closing it records the unregistration. */
    private final class RecordedUmemHandle implements Umem {
        private final Umem u;
        private final AtomicBoolean released = new AtomicBoolean();

        RecordedUmemHandle(Umem u) {
            this.u = u;
        }

        @Override
        public int id() {
            return u.id();
        }

        @Override
        public long address() {
            return u.address();
        }

        @Override
        public long size() {
            return u.size();
        }

        @Override
        public ByteBuffer buffer() {
            return u.buffer();
        }

        @Override
        public boolean isOpen() {
            return u.isOpen();
        }

        @Override
        public void close() {
            if (!u.isOpen() || !released.compareAndSet(false, true)) {
                u.close();
                return;
            }
            Json.Line r = start(RecordFormat.UMEM_UNREGISTER).put("id", u.id());
            long t0 = System.nanoTime();
            try {
                u.close();
            } catch (RuntimeException e) {
                appendFailure(r, e, t0);
                throw e;
            }
            append(r.put("latency_ns", System.nanoTime() - t0));
        }

        @Override
        public String toString() {
            return u.toString();
        }
    }
}
