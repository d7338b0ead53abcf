package fwsh.replay;

import fwsh.base.FwshVersion;
import fwsh.channel.Channel;
import fwsh.channel.ChannelException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Errno;
import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.channel.Umem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A decorator that records every RPC, umem registration and device event of a channel to a JSON-lines file
 * (REPLAY-FORMAT.md), for {@link ReplayChannel} to serve back later. The other devices of the same session are
 * recorded into the same file ({@link #record(Channel)}), so one file replays the whole session. The wrapped
 * channel's clock is handed on unchanged, so recording never changes how time runs (an emulator's virtual
 * clock stays virtual).
 *
 * <p>Each record is written and flushed as one whole line when its call completes, so a crash
 * leaves a file readable up to the last finished call. Concurrent calls are recorded in completion
 * order, each line whole. A failed call (any exception; normally a {@link ChannelException}) is
 * recorded with its errno, class and message and then re-thrown unchanged. Closing closes the wrapped
 * channel; when every device of the file is closed, the end line is written and the file closed.
 */
public final class RecordingChannel implements Channel {
    private final Channel delegate;
    private final RecordingFile file;
    private final int dev;
    private final Object lock = new Object();
    private boolean closed;

    /** Records {@code delegate} into {@code file} (created or truncated), with fwsh's own version. */
    public static RecordingChannel create(Channel delegate, Path file) {
        return new RecordingChannel(delegate, file, FwshVersion.get());
    }

    /**
     * @param fwshVersion written to the header, or null if unknown
     * @throws ChannelException (EIO, ENOENT or EACCES) if the file cannot be created
     */
    public RecordingChannel(Channel delegate, Path file, String fwshVersion) {
        this(RecordingFile.create(file, checked(delegate), fwshVersion), delegate, 0);
    }

    private RecordingChannel(RecordingFile file, Channel delegate, int dev) {
        this.file = file;
        this.delegate = delegate;
        this.dev = dev;
    }

    /**
     * Records another device of the same session into this channel's file, as device 1, 2 … in the order added.
     *
     * @throws ChannelException (EBADF) when every device of the file was already closed (the end line is written)
     */
    public RecordingChannel record(Channel another) {
        checked(another);
        return new RecordingChannel(file, another, file.addDevice(another));
    }

    private static Channel checked(Channel ch) {
        if (ch == null) throw new IllegalArgumentException("nothing to record: the channel is null");
        return ch;
    }

    public Path file() {
        return file.path();
    }

    /** This device's index in the file: 0 for the first, as the header names it. */
    public int deviceIndex() {
        return dev;
    }

    /** The channel being recorded. */
    public Channel delegate() {
        return delegate;
    }

    /** Records written so far to the file, by every device (header, device and end lines not counted). */
    public long records() {
        return file.records();
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
        Map<String, Object> r = start(RecordFormat.RPC);
        r.put("scope", scope == null ? null : scope.label);
        if (in != null && in.length >= 8) {
            int opcode = Mailbox.opcode(in);
            r.put("opcode", "0x" + Integer.toHexString(opcode));
            String name = Requests.opcodeName(opcode);
            if (!name.startsWith("opcode ")) r.put("op", name);
            r.put("op_mod", Mailbox.opMod(in));
            if (Requests.hasRegister(in)) r.put("register", String.format("0x%04x", Requests.register(in)));
        }
        r.put("in", in == null ? null : Hex.encode(in));
        r.put("out_len", outLen);
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
        r.put("out", Hex.encodeTrimmed(out));
        r.put("latency_ns", latency);
        append(r);
        return out;
    }

    /** The wrapped channel's clock: a recorded session runs on the same time as an unrecorded one. */
    @Override
    public DeviceClock clock() {
        return delegate.clock();
    }

    /** The wrapped channel's events, each recorded (in order with the calls) before it is handed on. */
    @Override
    public List<DeviceEvent> drainEvents() {
        checkOpen();
        List<DeviceEvent> events = delegate.drainEvents();
        for (DeviceEvent e : events) {
            Map<String, Object> r = start(RecordFormat.EVENT);
            r.put("event_type", "0x" + Integer.toHexString(e.type()));
            r.put("sub_type", e.subType());
            r.put("device_timestamp", "0x" + Long.toHexString(e.deviceTimestamp()));
            r.put("description", e.description());
            append(r);
        }
        return events;
    }

    @Override
    public Umem registerUmem(long size) {
        checkOpen();
        Map<String, Object> r = start(RecordFormat.UMEM_REGISTER);
        r.put("size", size);
        long t0 = System.nanoTime();
        Umem u;
        try {
            u = delegate.registerUmem(size);
        } catch (RuntimeException e) {
            appendFailure(r, e, t0);
            throw e;
        }
        r.put("id", u.id());
        r.put("address", "0x" + Long.toHexString(u.address()));
        r.put("umem_size", u.size());
        r.put("latency_ns", System.nanoTime() - t0);
        r.put("note", "umem content is not recorded");
        append(r);
        return new RecordedUmemHandle(u);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
        }
        try {
            delegate.close();
        } finally {
            file.release();
        }
    }

    @Override
    public String toString() {
        return "recording of " + delegate + " to " + file.path() + (dev == 0 ? "" : " (device " + dev + ")");
    }

    private Map<String, Object> start(String type) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", type);
        r.put("time", Instant.now().toString());
        r.put("t_ns", System.nanoTime() - file.startNanos());
        r.put("thread", Thread.currentThread().getName());
        return r;
    }

    private void appendFailure(Map<String, Object> r, RuntimeException e, long t0) {
        RecordedError err = RecordedError.of(e);
        r.put("errno", err.errno());
        r.put("errno_name", err.errnoName());
        r.put("exception", err.exception());
        r.put("message", err.message());
        r.put("latency_ns", System.nanoTime() - t0);
        try {
            append(r);
        } catch (ChannelException writeFailure) {
            e.addSuppressed(writeFailure);
        }
    }

    /** Writes one whole record line; a call that completes after close() is not recorded. */
    private void append(Map<String, Object> body) {
        synchronized (lock) {
            if (closed) return;
        }
        file.append(dev, body);
    }

    private void checkOpen() {
        synchronized (lock) {
            if (closed) {
                throw new ChannelException(Errno.EBADF, "recording of " + delegate.info().name() + " to " + file.path()
                        + " is closed; open a new channel");
            }
        }
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
            Map<String, Object> r = start(RecordFormat.UMEM_UNREGISTER);
            r.put("id", u.id());
            long t0 = System.nanoTime();
            try {
                u.close();
            } catch (RuntimeException e) {
                appendFailure(r, e, t0);
                throw e;
            }
            r.put("latency_ns", System.nanoTime() - t0);
            append(r);
        }

        @Override
        public String toString() {
            return u.toString();
        }
    }
}
