package fwsh.emu;

import fwsh.base.ArgumentException;
import fwsh.channel.DeviceEvent;

import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The firmware tracer (MTRC_CAP/CONF/STDB/CTRL; registers and trace events laid out by the catalog). In memory mode it writes 256-byte blocks of 32
 * 8-byte events into the buffer behind MTRC_CONF.trace_mkey, circularly, at
 * tracer.blocksPerSecond; event 31 of each block is a timestamp event and block timestamps increase
 * strictly. Blocks are a pure function of time: the virtual clock's advance (or, with the real clock,
 * a 10 ms ticker and every tracer register access) writes every block that is due.
 *
 * <p>One owner at a time (by handle uid); a second claimant is answered trace_owner=0. All state is
 * guarded by this object's monitor (a lock for the tracer only).
 */
final class Tracer {
    static final int BLOCK = 256;
    static final int EVENTS_PER_BLOCK = 32;
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
    // Trace events as the catalog lays them out (tracer_string_event, tracer_timestamp_event, tracer_event).
    private final RegField evTimestamp, evId, evTmsn, evTdsn, evParam, tsLow8, tsId, tsUrts, tsHigh13, tsMid32, evLost;
    private final int timestampEventId;

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
        RegLayout str = RegLayout.structure("tracer_string_event");
        evTimestamp = str.field("timestamp");
        evId = str.field("event_id");
        evTmsn = str.field("tmsn");
        evTdsn = str.field("tdsn");
        evParam = str.field("string_param");
        RegLayout ts = RegLayout.structure("tracer_timestamp_event");
        tsLow8 = ts.field("timestamp7_0");
        tsId = ts.field("event_id");
        tsUrts = ts.field("urts");
        tsHigh13 = ts.field("timestamp52_40");
        tsMid32 = ts.field("timestamp39_8");
        timestampEventId = ts.enumValue("event_id", "timestamp");
        evLost = RegLayout.structure("tracer_event").field("lost");
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
            evLost.set(block, 0, 1);
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
            evTimestamp.set(block, off, evTs);
            evId.set(block, off, id);
            evTmsn.set(block, off, msn);
            evTdsn.set(block, off, i);
            evParam.set(block, off, i == 0 ? f.pointer() : params[i - 1]);
        }
        return slot + 1 + params.length;
    }

    private void putTimestamp(byte[] block, long ts) {
        int off = (EVENTS_PER_BLOCK - 1) * 8;
        tsLow8.set(block, off, ts);
        tsId.set(block, off, timestampEventId);
        tsUrts.set(block, off, 0);
        tsHigh13.set(block, off, ts >>> 40);
        tsMid32.set(block, off, ts >>> 8);
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
        private final RegField traceOwner, traceToMemory, trcVerF, numStringDb, firstStringTraceF, numStringTraceF, logMaxF;
        private final RegField reply;
        private final RegField[] base, size;

        Cap() {
            this(RegLayout.of("MTRC_CAP"));
        }

        private Cap(RegLayout l) {
            super(l);
            traceOwner = l.field("trace_owner");
            traceToMemory = l.field("trace_to_memory");
            trcVerF = l.field("trc_ver");
            numStringDb = l.field("num_string_db");
            firstStringTraceF = l.field("first_string_trace");
            numStringTraceF = l.field("num_string_trace");
            logMaxF = l.field("log_max_trace_buffer_size");
            reply = l.span("trace_owner", "string_db_param");
            int n = l.count("string_db_param");
            base = new RegField[n];
            size = new RegField[n];
            for (int i = 0; i < n; i++) {
                base[i] = l.field("string_db_param[" + i + "].string_db_base_address");
                size[i] = l.field("string_db_param[" + i + "].string_db_size");
            }
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                io.zero(reply);
                io.set(traceOwner, owner != 0 && owner == io.handle().uid() ? 1 : 0);
                io.set(traceToMemory, 1);
                io.set(trcVerF, trcVer);
                io.set(numStringDb, db.sections.size());
                io.set(firstStringTraceF, firstStringTrace);
                io.set(numStringTraceF, numStringTrace);
                io.set(logMaxF, logMax);
                for (int i = 0; i < db.sections.size(); i++) {
                    io.set(base[i], db.bases.get(i));
                    io.set(size[i], db.sections.get(i).length);
                }
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                int uid = io.handle().uid();
                if (io.in(traceOwner) != 0) {
                    if (owner == 0) owner = uid;
                } else if (owner == uid) {
                    release();
                }
                read(io);
            }
        }
    }

    final class Conf extends Register {
        private final RegField traceMode, logSize, traceMkey, reply;
        private final int toMemory;

        Conf() {
            this(RegLayout.of("MTRC_CONF"));
        }

        private Conf(RegLayout l) {
            super(l);
            traceMode = l.field("trace_mode");
            logSize = l.field("log_trace_buffer_size");
            traceMkey = l.field("trace_mkey");
            reply = l.span("trace_mode", "trace_mkey");
            toMemory = l.enumValue("trace_mode", "trace_to_memory");
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                io.zero(reply);
                io.set(traceMode, mode);
                io.set(logSize, logBufSize);
                io.set(traceMkey, mkey & 0xffffffffL);
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                requireOwner(io, name);
                int m = io.inInt(traceMode);
                int log = io.inInt(logSize);
                int key = io.inInt(traceMkey);
                if (m != toMemory) throw FirmwareError.badParam("MTRC_CONF.bad_trace_mode", "trace_mode " + m + " is not supported (1 = TRACE_TO_MEMORY)");
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
        private final RegField dbIndex, readSize, startOffset, data;

        Stdb() {
            this(RegLayout.of("MTRC_STDB"));
        }

        private Stdb(RegLayout l) {
            super(l);
            dbIndex = l.field("string_db_index");
            readSize = l.field("read_size");
            startOffset = l.field("start_offset");
            data = l.area("string_db_data");
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                int index = io.inInt(dbIndex);
                int size = io.inInt(readSize);
                long start = io.in(startOffset);
                if (index >= db.sections.size()) throw FirmwareError.badParam("MTRC_STDB.bad_index", "string_db_index " + index + " does not exist (0.." + (db.sections.size() - 1) + ")");
                byte[] sec = db.sections.get(index);
                if (size == 0 || size % 64 != 0 || start % 64 != 0) {
                    throw FirmwareError.badParam("MTRC_STDB.unaligned", "read_size " + size + " and start_offset " + start + " must be multiples of 64 (read_size > 0)");
                }
                if (start + size > sec.length) {
                    throw FirmwareError.badParam("MTRC_STDB.out_of_section", "start_offset " + start + " + read_size " + size + " is past section " + index + " (" + sec.length + " bytes)");
                }
                io.cmd.needOut(RegIo.BASE + data.byteOffset() + size);
                io.bytes(data, sec, (int) start, size);
            }
        }

        @Override
        void write(RegIo io) {
            read(io); // the kernel reads the DB with op_mod 0 (write); both work
        }
    }

    final class Ctrl extends Register {
        private final RegField traceStatus, armEvent, modifyFieldSelect, tsHigh, tsLow, reply;
        private final int statusActive, statusDisabled;

        Ctrl() {
            this(RegLayout.of("MTRC_CTRL"));
        }

        private Ctrl(RegLayout l) {
            super(l);
            traceStatus = l.field("trace_status");
            armEvent = l.field("arm_event");
            modifyFieldSelect = l.field("modify_field_select");
            tsHigh = l.field("current_timestamp_52_32");
            tsLow = l.field("current_timestamp_31_0");
            reply = l.span("trace_status", "current_timestamp_31_0");
            statusActive = l.enumValue("trace_status", "active");
            statusDisabled = l.enumValue("trace_status", "disabled");
        }

        @Override
        void read(RegIo io) {
            synchronized (Tracer.this) {
                catchUp();
                long ts = hca.deviceTicksNow();
                io.zero(reply);
                io.set(traceStatus, active ? statusActive : statusDisabled);
                io.set(tsHigh, ts >>> 32);
                io.set(tsLow, ts);
            }
        }

        @Override
        void write(RegIo io) {
            synchronized (Tracer.this) {
                requireOwner(io, name);
                int select = io.inInt(modifyFieldSelect);
                if ((select & 1) != 0) {
                    int status = io.inInt(traceStatus);
                    if (status == statusActive && !active) {
                        if (!configured) {
                            throw new FirmwareError(FwStatus.BAD_SYS_STATE, "MTRC_CTRL.not_configured", "write MTRC_CONF (memory mode, mkey) before activating the tracer");
                        }
                        active = true;
                        activatedAt = hca.clock.nanos();
                        generated = 0;
                        if (!hca.clock.isVirtual()) {
                            tick = TICKER.scheduleAtFixedRate(Tracer.this::catchUp, 10, 10, TimeUnit.MILLISECONDS);
                        }
                    } else if (status == statusDisabled) {
                        catchUp();
                        stopLocked();
                    } else if (status > statusActive) {
                        throw FirmwareError.badParam("MTRC_CTRL.bad_trace_status", "trace_status " + status + " is not 0 (disable) or 1 (active)");
                    }
                }
                if (io.in(armEvent) != 0) {
                    catchUp();
                    armed = true;
                    if (newSinceEvent) fireAvailable();
                }
                read(io);
            }
        }
    }
}
