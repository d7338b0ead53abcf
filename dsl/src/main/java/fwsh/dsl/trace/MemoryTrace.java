package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceEvent;
import fwsh.channel.DeviceGoneException;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.trace.BlockParser;
import fwsh.trace.MtrcCap;
import fwsh.trace.StringDb;
import fwsh.trace.TraceBlock;
import fwsh.trace.TraceDecoder;
import fwsh.trace.TraceMessage;
import fwsh.trace.TraceStats;
import fwsh.trace.TracerCaps;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running memory-mode tracer: the firmware writes 256-byte blocks into a umem ring behind an mkey; each poll walks
 * the new blocks (the driver's consumer index and overrun rule), switches to an updated string DB at the right
 * block, feeds a capture and decodes the messages.
 *
 * <p>Two locks keep a shutdown from waiting on user code. The ring lock covers only copying blocks out of the ring
 * and releasing the buffer, never user code, so {@link #close} from another thread gets it at once and the memory
 * is never freed under a reader. The poll lock covers decoding and delivering to the user's closure; close waits for
 * it a bounded time, only to finish a capture file.
 */
final class MemoryTrace implements TraceSession {
    /** How long close waits for a poll running user code before it leaves the capture file without its end record. */
    static final Duration POLL_WAIT = Duration.ofSeconds(2);

    private final DeviceAccess device;
    private final TracerRegisters regs;
    private final TracerBringUp bringUp;
    private final TracerBringUp.Resources res;
    private final DeviceClock clock;
    private final TraceDecoder decoder;
    private final BlockParser parser;
    private final Blocks blocks;
    private final ByteBuffer ring;
    private final Object ringLock = new Object();
    private final ReentrantLock pollLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long dbCheckEvery;

    private boolean released;                // guarded by ringLock
    private volatile String goneMessage;
    private volatile long lostAtEnd;
    // guarded by pollLock:
    private Delivery target;
    private CaptureFile capture;
    private MtrcCap cap;
    private StringDb db;
    private StringDb pendingDb;
    private long switchAfter;
    private long nextDbCheck;
    private volatile long dbReloads;

    MemoryTrace(DeviceAccess device, TracerRegisters regs, TracerBringUp bringUp, TracerBringUp.Resources res, TraceOptions o,
                DeviceClock clock) {
        this.device = device;
        this.regs = regs;
        this.bringUp = bringUp;
        this.res = res;
        this.clock = clock;
        this.cap = res.cap;
        this.db = res.db;
        this.ring = res.buffer.umem().getBuffer();
        TracerCaps caps = TracerCaps.of(res.cap).withBufferSize((int) res.buffer.size());
        this.decoder = new TraceDecoder(caps, res.db, this::deliver);
        this.parser = new BlockParser(caps, decoder.stats());
        this.blocks = new Blocks();
        this.dbCheckEvery = o.dbCheck.toNanos();
        this.nextDbCheck = clock.nanos() + dbCheckEvery;
    }

    private void deliver(TraceMessage m) {
        Delivery t = target;
        if (t != null) t.onMessage(m);
    }

    @Override
    public void poll(Delivery d) {
        pollLock.lock();
        try {
            if (goneMessage != null || closed.get()) return;
            target = d;
            try {
                checkStringDb();
                if (!copyNewBlocks()) {
                    if (!closed.get()) markGone("the trace buffer was released under the tracer (device removed)");
                } else {
                    blocks.feed();
                }
            } catch (DeviceGoneException e) {
                markGone(e.getMessage());
            } finally {
                target = null;
            }
            if (goneMessage != null) {
                lostAtEnd = decoder.pendingMessages();
                synchronized (ringLock) {
                    released = true;
                    TracerBringUp.releaseLocally(res.buffer);
                }
            }
        } finally {
            pollLock.unlock();
        }
    }

    /** Copies the blocks the firmware wrote since the last poll out of the ring; false when the ring is gone. */
    private boolean copyNewBlocks() {
        synchronized (ringLock) {
            if (released || !res.buffer.umem().isOpen()) return false;
            blocks.clear();
            parser.poll(ring, blocks);
            return true;
        }
    }

    private void markGone(String why) {
        if (goneMessage == null) goneMessage = why;
    }

    /**
     * STRINGS_DB_UPDATE: an event from the device (the emulator raises it; kernel channels deliver none), or on any
     * device MTRC_CAP's string-DB parameters changed since the last check. The new DB takes effect for blocks newer
     * than the update (switched as the blocks are fed, so a capture records it at the same point).
     */
    private void checkStringDb() {
        for (DeviceEvent e : device.rawChannel().drainEvents()) {
            if (e.isStringDbUpdate()) reloadStringDb(regs.cap(), e.deviceTimestamp());
        }
        long now = clock.nanos();
        if (now >= nextDbCheck) {
            nextDbCheck = now + dbCheckEvery;
            MtrcCap c = regs.cap();
            if (!sameStringDb(c, cap)) reloadStringDb(c, parser.lastTimestamp());
        }
    }

    private void reloadStringDb(MtrcCap c, long afterTimestamp) {
        cap = c;
        pendingDb = regs.stringDb(c);
        switchAfter = afterTimestamp;
        dbReloads++;
    }

    static boolean sameStringDb(MtrcCap x, MtrcCap y) {
        return x.numStringDb() == y.numStringDb() && Arrays.equals(x.stringDbBase(), y.stringDbBase())
                && Arrays.equals(x.stringDbSize(), y.stringDbSize());
    }

    @Override
    public TraceStats stats() {
        return decoder.stats();
    }

    @Override
    public String goneMessage() {
        return goneMessage;
    }

    @Override
    public long lostAtEnd() {
        return lostAtEnd;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public CaptureFile capture(Path file, Map<String, String> identity, long deviceFrequencyKHz) {
        pollLock.lock();
        try {
            if (capture != null) throw new FwshException("a capture to " + capture.path() + " is already running on this tracer");
            TracerCaps caps = decoder.caps().withDeviceFrequencyKHz(Math.max(0, deviceFrequencyKHz));
            capture = CaptureFile.create(file, identity, caps, db, clock::epochNanos);
            return capture;
        } finally {
            pollLock.unlock();
        }
    }

    @Override
    public void endCapture(CaptureFile c) {
        pollLock.lock();
        try {
            finishCapture(c);
        } finally {
            pollLock.unlock();
        }
    }

    private void finishCapture(CaptureFile c) {
        if (c == null) return;
        if (capture == c) capture = null;
        c.finish();
    }

    @Override
    public void describe(Map<String, Object> status) {
        status.put("session", "active, owner");
        status.put("buffer", res.buffer.size() + " bytes at 0x" + Long.toHexString(res.buffer.address()) + " (umem "
                + res.buffer.umem().getId() + ")");
        status.put("mkey", "0x" + Integer.toHexString(res.buffer.mkey()));
        status.put("pd", res.buffer.pd());
        TraceStats s = decoder.stats();
        status.put("blocks", s.blocks);
        status.put("messages", s.messages);
        status.put("lost_events", s.skippedEvents() + s.droppedPending);
        status.put("overruns", s.overruns);
        status.put("string_db_reloads", dbReloads);
    }

    /**
     * Disables the tracer, releases ownership, mkey, PD and memory (under the ring lock, so no poll reads the ring
     * meanwhile), then finishes a capture in progress. Safe from any thread; a poll running user code delays only
     * the capture's end record, and by at most {@link #POLL_WAIT}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        RuntimeException failure = null;
        synchronized (ringLock) {
            if (!released) {
                released = true;
                try {
                    if (bringUp.teardown(res, goneMessage != null)) markGone("device removed during teardown");
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        boolean locked;
        try {
            locked = pollLock.tryLock(POLL_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = pollLock.tryLock();
        }
        if (locked) {
            try {
                finishCapture(capture);
            } finally {
                pollLock.unlock();
            }
        }
        if (failure != null) throw failure;
    }

    /**
     * The blocks and overruns of one poll, copied out of the ring (the parser reuses its event array), then fed
     * outside the ring lock: string-DB switch, capture, decoder.
     */
    private final class Blocks implements BlockParser.Handler {
        private long[] events = new long[TraceBlock.EVENTS * 16];
        private long[] meta = new long[4 * 16];    // per entry: kind (0 block, 1 overrun), index, timestamp, extra
        private long[] extra = new long[2 * 16];
        private int n;

        void clear() {
            n = 0;
        }

        private void grow() {
            if (n < meta.length / 4) return;
            events = Arrays.copyOf(events, events.length * 2);
            meta = Arrays.copyOf(meta, meta.length * 2);
            extra = Arrays.copyOf(extra, extra.length * 2);
        }

        @Override
        public void block(long[] ev, int blockIndex, long blockTimestamp) {
            grow();
            System.arraycopy(ev, 0, events, n * TraceBlock.EVENTS, TraceBlock.EVENTS);
            meta[4 * n] = 0;
            meta[4 * n + 1] = blockIndex;
            meta[4 * n + 2] = blockTimestamp;
            n++;
        }

        @Override
        public void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
            grow();
            meta[4 * n] = 1;
            meta[4 * n + 1] = blockIndex;
            meta[4 * n + 2] = blockTimestamp;
            extra[2 * n] = previousBlockTimestamp;
            extra[2 * n + 1] = lastTimestamp;
            n++;
        }

        /** Under the poll lock: the capture sees each block before the decoder, as the driver's order has it. */
        void feed() {
            long[] one = new long[TraceBlock.EVENTS];
            for (int i = 0; i < n; i++) {
                int index = (int) meta[4 * i + 1];
                long ts = meta[4 * i + 2];
                if (meta[4 * i] == 1) {
                    if (capture != null) capture.overrun(index, ts, extra[2 * i], extra[2 * i + 1]);
                    continue;
                }
                if (pendingDb != null && ts > switchAfter) {
                    db = pendingDb;
                    pendingDb = null;
                    decoder.setStringDb(db);
                    if (capture != null) capture.stringDb(db);
                }
                System.arraycopy(events, i * TraceBlock.EVENTS, one, 0, TraceBlock.EVENTS);
                if (capture != null) capture.block(one, index, ts);
                for (long e : one) decoder.decodeEvent(e);
            }
            n = 0;
        }
    }
}
