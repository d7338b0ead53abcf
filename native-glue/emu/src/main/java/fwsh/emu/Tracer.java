package fwsh.emu;

import fwsh.base.ArgumentException;
import fwsh.channel.DeviceEvent;

import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The firmware tracer (MTRC_CAP/CONF/STDB/CTRL). In memory mode it writes 256-byte blocks of 32
 * 8-byte events into the buffer behind MTRC_CONF.trace_mkey, circularly, at
 * tracer.blocksPerSecond; event 31 of each block is a timestamp event and block timestamps increase
 * strictly. Blocks are a pure function of time: the virtual clock's advance (or, with the real clock,
 * a 10 ms ticker and every tracer register access) writes every block that is due.
 *
 * <p>One owner at a time (by handle uid); a second claimant is answered trace_owner=0. All state is
 * guarded by this object's monitor (a lock for the tracer only).
 */
final class Tracer {
    static final int CAP_ID = 0x9040;
    static final int CONF_ID = 0x9041;
    static final int STDB_ID = 0x9042;
    static final int CTRL_ID = 0x9043;
    static final int BLOCK = 256;
    static final int EVENTS_PER_BLOCK = 32;
    static final int TIMESTAMP_EVENT_ID = 0xff;
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fwsh-emu-tracer");
        t.setDaemon(true);
        return t;
    });

    final Register cap = new Cap();
    final Register conf = new Conf();
    final Register stdb = new Stdb();
    final Register ctrl = new Ctrl();

    private final Hca hca;
    private final int firstStringTrace;
    private final int numStringTrace;
    private final int logMax;
    private final int trcVer;
    private final double blocksPerSecond;
    private StringDb db;

    private int owner;             // uid, 0 = none
    private int mode;
    private int logBufSize;
    private int mkey;
    private boolean configured;
    private boolean active;
    private boolean armed;
    private boolean newSinceEvent;
    private long activatedAt;      // clock nanos
    private long generated;        // periodic blocks written since activation
    private long writeIndex;       // next slot (mod block count)
    private long lastTs;
    private int pendingLostBlocks;
    private boolean markLost;
    private int tmsn;
    private ScheduledFuture<?> tick;
    private int reclaimedOwnerships;   // owned by a handle that closed without releasing it

    Tracer(Hca hca) {
        this.hca = hca;
        Profile p = hca.profile;
        firstStringTrace = p.integer("tracer.firstStringTrace", 0xb0);
        numStringTrace = p.integer("tracer.numStringTrace", 0x10);
        logMax = p.integer("tracer.logMaxBufferSize", 12);
        trcVer = p.integer("tracer.version", 1);
        blocksPerSecond = p.dbl("tracer.blocksPerSecond", 100);
        db = StringDb.load(0);
    }

    synchronized StringDb db() {
        return db;
    }

    synchronized boolean isActive() {
        return active;
    }

    synchronized int owner() {
        return owner;
    }

    private int blockCount() {
        return (4096 << logBufSize) / BLOCK;
    }

    private long blockPeriodNanos() {
        return (long) (1e9 / blocksPerSecond);
    }

    // ---- time-driven generation ----

    synchronized void catchUp() {
        if (!active) return;
        long now = hca.clock.nanos();
        long period = blockPeriodNanos();
        long due = (now - activatedAt) / period;
        if (due - generated > 2L * blockCount()) {
            // Far behind (idle real clock): older blocks would be overwritten anyway.
            long skip = due - generated - blockCount();
            generated += skip;
            writeIndex += skip;
            markLost = true;
        }
        while (generated < due && active) {
            long t = activatedAt + (generated + 1) * period;
            writeBlock(hca.deviceTicks(t), generated);
            generated++;
        }
    }

    private void writeBlock(long ts, long seq) {
        ts = Math.max(ts, lastTs + 1);
        if (pendingLostBlocks > 0) {
            writeIndex += pendingLostBlocks;
            pendingLostBlocks = 0;
            markLost = true;
        }
        byte[] block = new byte[BLOCK];
        SplittableRandom rnd = new SplittableRandom(hca.seed * 0x9E3779B97F4A7C15L + seq);
        int slot = 0;
        StringDb.Format filler = db.formats.get(0);
        while (slot < EVENTS_PER_BLOCK - 1) {
            StringDb.Format f = db.formats.get(rnd.nextInt(db.formats.size()));
            if (1 + f.params() > EVENTS_PER_BLOCK - 1 - slot) f = filler;
            long[] params = new long[f.params()];
            for (int i = 0; i < params.length; i++) params[i] = rnd.nextInt(1 << 16);
            slot = putMessage(block, slot, f, params, ts);
        }
        putTimestamp(block, ts);
        if (markLost) {
            block[0] |= (byte) 0x80;
            markLost = false;
        }
        dma(block);
        lastTs = ts;
    }

    /** Writes one string message (start event + parameter events) at {@code slot}; returns the next slot. */
    private int putMessage(byte[] block, int slot, StringDb.Format f, long[] params, long ts) {
        int id = firstStringTrace + db.formats.indexOf(f) % numStringTrace;
        int msn = tmsn++ & 0x1fff;
        for (int i = 0; i <= params.length; i++) {
            int off = (slot + i) * 8;
            long evTs = ts - (EVENTS_PER_BLOCK - 1 - slot - i);
            Prm.set(block, off, 0x00, 30, 24, evTs & 0x7f);
            Prm.set(block, off, 0x00, 23, 16, id);
            Prm.set(block, off, 0x00, 15, 3, msn);
            Prm.set(block, off, 0x00, 2, 0, i);
            Prm.u32(block, off + 4, i == 0 ? f.pointer() : params[i - 1]);
        }
        return slot + 1 + params.length;
    }

    private void putTimestamp(byte[] block, long ts) {
        int off = (EVENTS_PER_BLOCK - 1) * 8;
        Prm.set(block, off, 0x00, 31, 24, ts & 0xff);
        Prm.set(block, off, 0x00, 23, 16, TIMESTAMP_EVENT_ID);
        Prm.set(block, off, 0x00, 15, 13, 0);
        Prm.set(block, off, 0x00, 12, 0, (ts >>> 40) & 0x1fff);
        Prm.u32(block, off + 4, (ts >>> 8) & 0xffffffffL);
    }

    private void dma(byte[] block) {
        Objects.Mkey k = hca.objects.mkeys.get(mkey);
        if (k == null) {
            stopLocked();   // the buffer went away under the tracer: nothing more can be written
            return;
        }
        long slot = Math.floorMod(writeIndex, blockCount());
        try {
            hca.objects.dmaWrite(mkey, k.start() + slot * BLOCK, block, 0, BLOCK, "MTRC");
        } catch (FirmwareError e) {
            stopLocked();
            return;
        }
        writeIndex++;
        newSinceEvent = true;
        if (armed) fireAvailable();
    }

    private void fireAvailable() {
        armed = false;
        newSinceEvent = false;
        hca.broadcast(new DeviceEvent(DeviceEvent.DEVICE_TRACER, DeviceEvent.TRACES_AVAILABLE, lastTs, "traces available"));
    }

    // ---- faults and other producers ----

    synchronized void injectOverrun(int lostBlocks) {
        if (lostBlocks < 1) throw new ArgumentException("lostBlocks must be at least 1, got " + lostBlocks);
        pendingLostBlocks += lostBlocks;
    }

    synchronized void updateStringDb() {
        db = StringDb.load(db.generation + 1);
        hca.broadcast(new DeviceEvent(DeviceEvent.DEVICE_TRACER, DeviceEvent.STRINGS_DB_UPDATE, hca.deviceTicksNow(),
                "string DB updated to generation " + db.generation));
    }

    /** CORE_DUMP type 0: the general dump goes out as traces, in one block written now. */
    synchronized void coreDumpGeneral(int uid, int vhcaId) {
        if (owner != uid || !active) {
            throw new FirmwareError(FwStatus.BAD_SYS_STATE, "CORE_DUMP.tracer_not_owned",
                    "a general core dump is written as traces; own and activate the tracer first");
        }
        catchUp();
        byte[] block = new byte[BLOCK];
        int slot = putMessage(block, 0, db.find("dump general info GVMI=0x%04x"), new long[]{vhcaId}, lastTs + 1);
        StringDb.Format line = db.find("[%03d]: %08x %08x %08x %08x");
        SplittableRandom rnd = new SplittableRandom(hca.seed + vhcaId);
        for (int i = 0; i < 4; i++) {
            slot = putMessage(block, slot, line, new long[]{i * 16L, rnd.nextInt() & 0xffffffffL, rnd.nextInt() & 0xffffffffL,
                    rnd.nextInt() & 0xffffffffL, rnd.nextInt() & 0xffffffffL}, lastTs + 1);
        }
        StringDb.Format filler = db.formats.get(0);
        while (slot < EVENTS_PER_BLOCK - 1) slot = putMessage(block, slot, filler, new long[0], lastTs + 1);
        long ts = Math.max(hca.deviceTicksNow(), lastTs + 1);
        putTimestamp(block, ts);
        dma(block);
        lastTs = ts;
    }

    synchronized void handleClosed(int uid) {
        if (owner == uid) {
            reclaimedOwnerships++;
            release();
        }
    }

    synchronized int reclaimedOwnerships() {
        return reclaimedOwnerships;
    }

    synchronized void stop() {
        stopLocked();
    }

    private void stopLocked() {
        active = false;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }

    private void release() {
        stopLocked();
        owner = 0;
        configured = false;
        hca.broadcast(new DeviceEvent(DeviceEvent.DEVICE_TRACER, DeviceEvent.OWNERSHIP_CHANGE, hca.deviceTicksNow(), "tracer ownership released"));
    }

    private void requireOwner(RegIo io, String reg) {
        if (owner != io.handle().uid()) {
            throw new FirmwareError(FwStatus.RES_BUSY, reg + ".not_owner",
                    reg + " needs tracer ownership; write MTRC_CAP trace_owner=1 first");
        }
    }

    // ---- registers ----

    final class Cap extends Register {
        Cap() {
            super(CAP_ID, "MTRC_CAP", 0x80);
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                io.zero(0, 0x50);
                io.set(0x00, 31, 31, owner != 0 && owner == io.handle().uid() ? 1 : 0);
                io.set(0x00, 30, 30, 1);
                io.set(0x00, 25, 24, trcVer);
                io.set(0x00, 3, 0, db.sections.size());
                io.set(0x04, 31, 24, firstStringTrace);
                io.set(0x04, 23, 16, numStringTrace);
                io.set(0x08, 7, 0, logMax);
                io.set(0x08, 31, 30, 2);
                for (int i = 0; i < db.sections.size(); i++) {
                    io.u32(0x10 + 8 * i, db.bases.get(i));
                    io.set(0x14 + 8 * i, 23, 0, db.sections.get(i).length);
                }
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                int uid = io.handle().uid();
                if (io.in(0x00, 31, 31) != 0) {
                    if (owner == 0) owner = uid;
                } else if (owner == uid) {
                    release();
                }
                read(io);
            }
        }
    }

    final class Conf extends Register {
        Conf() {
            super(CONF_ID, "MTRC_CONF", 0x80);
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                io.zero(0, 0x10);
                io.set(0x00, 3, 0, mode);
                io.set(0x04, 7, 0, logBufSize);
                io.u32(0x08, mkey);
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                requireOwner(io, name);
                int m = io.inInt(0x00, 3, 0);
                int log = io.inInt(0x04, 7, 0);
                int key = (int) io.inU32(0x08);
                if (m != 1) throw FirmwareError.badParam("MTRC_CONF.bad_trace_mode", "trace_mode " + m + " is not supported (1 = TRACE_TO_MEMORY)");
                if (log > logMax) throw FirmwareError.badParam("MTRC_CONF.buffer_too_large", "log_trace_buffer_size " + log + " exceeds log_max_trace_buffer_size " + logMax);
                Objects.Mkey k = hca.objects.mkeys.get(key);
                if (k == null || k.pa()) throw FirmwareError.badParam("MTRC_CONF.bad_mkey", "trace_mkey 0x" + Integer.toHexString(key) + " is not an MTT mkey of registered memory");
                if (k.len() < (4096L << log)) throw FirmwareError.badParam("MTRC_CONF.mkey_too_small", "trace_mkey covers " + k.len() + " bytes, the buffer needs " + (4096L << log));
                mode = m;
                logBufSize = log;
                mkey = key;
                configured = true;
                writeIndex = 0;
                read(io);
            }
        }
    }

    final class Stdb extends Register {
        Stdb() {
            super(STDB_ID, "MTRC_STDB", 0x08);
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                int index = io.inInt(0x00, 31, 28);
                int size = io.inInt(0x00, 23, 0);
                long start = io.inU32(0x04);
                if (index >= db.sections.size()) throw FirmwareError.badParam("MTRC_STDB.bad_index", "string_db_index " + index + " does not exist (0.." + (db.sections.size() - 1) + ")");
                byte[] sec = db.sections.get(index);
                if (size == 0 || size % 64 != 0 || start % 64 != 0) {
                    throw FirmwareError.badParam("MTRC_STDB.unaligned", "read_size " + size + " and start_offset " + start + " must be multiples of 64 (read_size > 0)");
                }
                if (start + size > sec.length) {
                    throw FirmwareError.badParam("MTRC_STDB.out_of_section", "start_offset " + start + " + read_size " + size + " is past section " + index + " (" + sec.length + " bytes)");
                }
                io.cmd.needOut(RegIo.BASE + 8 + size);
                io.bytes(0x08, sec, (int) start, size);
            }
        }

        @Override
        void write(RegIo io) {
            read(io); // the kernel reads the DB with op_mod 0 (write); both work
        }
    }

    final class Ctrl extends Register {
        Ctrl() {
            super(CTRL_ID, "MTRC_CTRL", 0x40);
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                catchUp();
                long ts = hca.deviceTicksNow();
                io.zero(0, 0x10);
                io.set(0x00, 31, 30, active ? 1 : 0);
                io.set(0x08, 20, 0, (ts >>> 32) & 0x1fffff);
                io.u32(0x0c, ts);
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                requireOwner(io, name);
                int select = io.inInt(0x00, 15, 0);
                if ((select & 1) != 0) {
                    int status = io.inInt(0x00, 31, 30);
                    if (status == 1 && !active) {
                        if (!configured) {
                            throw new FirmwareError(FwStatus.BAD_SYS_STATE, "MTRC_CTRL.not_configured", "write MTRC_CONF (memory mode, mkey) before activating the tracer");
                        }
                        active = true;
                        activatedAt = hca.clock.nanos();
                        generated = 0;
                        if (!hca.clock.isVirtual()) {
                            tick = TICKER.scheduleAtFixedRate(Tracer.this::catchUp, 10, 10, TimeUnit.MILLISECONDS);
                        }
                    } else if (status == 0) {
                        catchUp();
                        stopLocked();
                    } else if (status > 1) {
                        throw FirmwareError.badParam("MTRC_CTRL.bad_trace_status", "trace_status " + status + " is not 0 (disable) or 1 (active)");
                    }
                }
                if (io.in(0x00, 27, 27) != 0) {
                    catchUp();
                    armed = true;
                    if (newSinceEvent) fireAvailable();
                }
                read(io);
            }
        }
    }
}
