package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.channel.Channel;
import fwsh.channel.DeviceGoneException;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Opcode;
import fwsh.channel.Transport;
import fwsh.dsl.dump.MkeyBuffer;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.RawReply;
import fwsh.dsl.engine.Shown;
import fwsh.emu.DeviceEvent;
import fwsh.emu.EmulatedDevice;
import fwsh.trace.BlockParser;
import fwsh.trace.MtrcCap;
import fwsh.trace.StringDb;
import fwsh.trace.TraceCaptureWriter;
import fwsh.trace.TraceDecoder;
import fwsh.trace.TraceMessage;
import fwsh.trace.TraceRecord;
import fwsh.trace.TraceStats;
import fwsh.trace.TracefsReader;
import fwsh.trace.TracefsUnavailableException;
import fwsh.trace.TracerCaps;
import fwsh.wire.Bits;
import groovy.lang.Closure;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dev.tracer}: the firmware tracer of one device.
 * <pre>
 *   dev.tracer.status()                                  // MCAM, MTRC_CAP, owner, string DBs, our state
 *   dev.tracer.tail(for: 5.s, grep: 'PHY') { r -> println r.message }
 *   dev.tracer.capture('fw.trc', 10.s)                    // then: dev.tracer.decode('fw.trc')
 *   dev.tracer.start(wait: 30.s); dev.tracer.poll(); dev.tracer.stop()
 * </pre>
 * Bring-up follows the kernel driver (MCAM, MTRC_CAP, ownership, string DB, buffer, MTRC_CONF, MTRC_CTRL); the
 * buffer is user memory with an MTT mkey, so it needs umem (mlx5ctl). On fwctl the kernel's own tracer output
 * is read from tracefs instead. Teardown (stop, session close, exceptions, Ctrl-C, device removal) releases
 * ownership, mkey, PD and memory. Thread-safe: one poller at a time.
 */
public class DeviceTracer implements Describable {
    static final int MTRC_CAP = 0x9040, MTRC_CTRL_ID = 0x9043, MTRC_STDB = 0x9042;
    static final int PAGE = 4096;

    private final DeviceAccess device;
    private volatile TraceClock clock = TraceClock.system();
    private Active active;            // guarded by this
    private TraceSummary last;        // guarded by this
    private volatile long frequencyKHz = -1;

    public DeviceTracer(DeviceAccess device) {
        this.device = device;
    }

    protected DeviceAccess device() {
        return device;
    }

    /** The clock tails and captures run on (the system clock unless a spec or harness sets a virtual one). */
    public TraceClock getClock() {
        return clock;
    }

    public void setClock(TraceClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ status

    /**
     * What the device offers and what this session is doing: tracer registers in MCAM, MTRC_CAP
     * (trace_to_memory, trace_owner as seen by this handle, trc_ver, string-trace ids, buffer limit, string DB
     * sections) and our state (stopped, active with buffer/mkey/counters, or tracefs fallback).
     */
    public synchronized Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        DeviceInfo info = device.rawChannel().info();
        m.put("device", info.name());
        m.put("umem", device.rawChannel().supportsUmem());
        if (active != null && active.gone) {
            m.put("session", "device removed");
            return m;
        }
        try {
            boolean regs = tracerRegistersPresent();
            m.put("tracer_registers", regs);
            if (regs) {
                MtrcCap c = readCap();
                m.put("trace_to_memory", c.traceToMemory());
                m.put("trace_owner", c.traceOwner());
                m.put("trc_ver", c.trcVer());
                m.put("first_string_trace", "0x" + Integer.toHexString(c.firstStringTrace()));
                m.put("num_string_trace", c.numStringTrace());
                m.put("log_max_trace_buffer_size", c.logMaxTraceBufferSize());
                List<Map<String, Object>> dbs = new ArrayList<>();
                for (int i = 0; i < c.numStringDb(); i++) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("base", "0x" + Long.toHexString(c.stringDbBase()[i]));
                    s.put("size", c.stringDbSize()[i]);
                    dbs.add(s);
                }
                m.put("string_dbs", dbs);
            }
        } catch (DeviceGoneException e) {
            m.put("error", e.getMessage());
        } catch (RuntimeException e) {
            m.put("error", e.getMessage());
        }
        Active a = active;
        if (a == null) {
            m.put("session", "stopped");
        } else if (a.tracefs != null) {
            m.put("session", "tracefs fallback (" + a.tracefs.root() + ")");
            m.put("messages", a.fallbackStats.messages);
        } else {
            m.put("session", "active, owner");
            m.put("buffer", a.buf.size() + " bytes at 0x" + Long.toHexString(a.buf.address()) + " (umem " + a.buf.umem().getId() + ")");
            m.put("mkey", "0x" + Integer.toHexString(a.buf.mkey()));
            m.put("pd", a.buf.pd());
            TraceStats s = a.decoder.stats();
            m.put("blocks", s.blocks);
            m.put("messages", s.messages);
            m.put("lost_events", s.skippedEvents() + s.droppedPending);
            m.put("overruns", s.overruns);
            m.put("string_db_reloads", a.dbReloads);
        }
        return m;
    }

    /** MCAM group 0: bits 0x40..0x43 of mng_access_reg_cap_mask (registers 0x9040..0x9043, tracer_registers). */
    boolean tracerRegistersPresent() {
        Decoded mcam = device.getReg().get("MCAM").read(Map.of("access_reg_group", 0, "feature_group", 0));
        byte[] b = mcam.value().bytes();
        for (int reg = 0x9040; reg <= 0x9043; reg++) {
            int n = reg - 0x9000;
            int at = 0x08 + 15 - n / 8;
            if (at >= b.length || ((b[at] >> (n % 8)) & 1) == 0) return false;
        }
        return true;
    }

    MtrcCap readCap() {
        return MtrcCap.parse(device.getReg().get("MTRC_CAP").read().value().bytes());
    }

    // ------------------------------------------------------------------ start / stop

    /** Starts tracing with the defaults (64-page buffer, no waiting for ownership). */
    public DeviceTracer start() {
        return start(Map.of());
    }

    /**
     * Starts tracing. Options: {@code wait:} keep requesting ownership until this Duration passes;
     * {@code logPages:} buffer of 2^n 4 KB pages (default 6 = the kernel's 256 KB, capped at
     * log_max_trace_buffer_size); {@code tracefs:} tracefs root for the fwctl fallback; {@code out:} where notes go.
     */
    public DeviceTracer start(Map<String, ?> options) {
        start(options(options));
        return this;
    }

    synchronized Active start(TraceOptions o) {
        if (active != null) {
            throw new FwshException("the tracer of " + device.getName() + " is already running in this session; "
                    + "tail/capture/poll use it, stop() ends it");
        }
        Channel ch = device.rawChannel();
        Active a = ch.supportsUmem() ? startMemory(o) : startTracefs(o);
        active = a;
        device.track(a);
        return a;
    }

    private Active startMemory(TraceOptions o) {
        String name = device.getName();
        if (!tracerRegistersPresent()) {
            throw new FwshException(name + " has no firmware tracer: MCAM does not list the tracer registers "
                    + "MTRC_CAP..MTRC_CTRL (0x9040-0x9043)");
        }
        MtrcCap cap = readCap();
        if (!cap.traceToMemory()) {
            throw new FwshException(name + "'s tracer cannot write to host memory (MTRC_CAP trace_to_memory=0, FIFO mode only); "
                    + "fwsh reads traces from a memory buffer only");
        }
        int logPages = o.logPages;
        if (logPages > cap.logMaxTraceBufferSize()) {
            if (o.logPagesGiven) {
                throw new FwshException("logPages: " + logPages + " is above this device's log_max_trace_buffer_size "
                        + cap.logMaxTraceBufferSize() + "; use at most " + cap.logMaxTraceBufferSize());
            }
            logPages = cap.logMaxTraceBufferSize();
        }
        long size = (long) PAGE << logPages;
        if (size > (1L << 30)) throw new FwshException("logPages: " + logPages + " gives a buffer over 1 GiB; use a smaller one");
        Active a = new Active();
        try {
            acquire(a, o);
            a.cap = cap;
            a.db = loadStringDb(cap);
            a.buf = MkeyBuffer.allocate(device, size);
            device.untrack(a.buf);        // released by this tracer, after the tracer stops writing into it
            a.ring = a.buf.umem().getBuffer();
            a.decoder = new TraceDecoder(TracerCaps.of(cap).withBufferSize((int) size), a.db, a::deliver);
            a.decoder.setBlockTap(a);
            device.getReg().get("MTRC_CONF").write(Map.of("trace_mode", 1, "log_trace_buffer_size", logPages,
                    "trace_mkey", a.buf.mkey() & 0xFFFFFFFFL));
            device.getReg().get("MTRC_CTRL").write(Map.of("modify_field_select", 1, "trace_status", 1, "arm_event", 1));
            a.dbCheckEvery = o.dbCheck.toNanos();
            a.nextDbCheck = clock.nanos() + a.dbCheckEvery;
        } catch (RuntimeException e) {
            try {
                teardown(a);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return a;
    }

    /** MTRC_CAP write trace_owner=1 and check the answer, as the driver does; with wait: retry until it is granted. */
    private void acquire(Active a, TraceOptions o) {
        long start = clock.nanos();
        long deadline = o.wait == null ? start : start + o.wait.toNanos();
        while (true) {
            Decoded r = device.getReg().get("MTRC_CAP").write(Map.of("trace_owner", 1));
            if (((Number) r.getProperty("trace_owner")).intValue() == 1) {
                a.owner = true;
                return;
            }
            long now = clock.nanos();
            if (now >= deadline) {
                String waited = o.wait == null ? "" : " after waiting " + humanDuration(o.wait);
                throw new TracerBusyException("the firmware tracer of " + device.getName() + " is owned by someone else"
                        + waited + " (MTRC_CAP trace_owner stayed 0 when this session requested it): one function per device "
                        + "owns it, usually the kernel's mlx5_core tracer on a PF or another fwsh session; stop that owner, "
                        + (o.wait == null ? "or pass wait: 30.s to keep retrying" : "or wait longer"));
            }
            try {
                clock.sleep(Duration.ofNanos(Math.min(TraceOptions.OWNERSHIP_RETRY.toNanos(), deadline - now)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FwshException("interrupted while waiting for ownership of the tracer of " + device.getName());
            }
        }
    }

    /** The whole string DB with the driver's MTRC_STDB read plan (256-byte reads, then 64-byte reads). */
    private StringDb loadStringDb(MtrcCap cap) {
        return StringDb.load(cap, this::readStdb);
    }

    /** One MTRC_STDB read; the data follows the 8-byte register header in the reply. */
    private byte[] readStdb(int index, int offset, int size) {
        byte[] in = new byte[16 + 8];
        Bits.set(in, 0, 0, 16, Opcode.ACCESS_REG);
        Bits.set(in, 0, 48, 16, Opcode.ACCESS_REG_OP_MOD_READ);
        Bits.set(in, 0, 80, 16, MTRC_STDB);
        Bits.set(in, 16, 0, 4, index);
        Bits.set(in, 16, 8, 24, size);
        Bits.set(in, 16, 32, 32, offset);
        RawReply r = device.rpc(in, 16 + 8 + size);
        if (!r.isOk()) {
            throw new FwshException("MTRC_STDB read of string DB section " + index + " at offset " + offset + " (" + size
                    + " bytes) failed: firmware status " + r.getStatusName() + ", syndrome 0x" + Long.toHexString(r.getSyndrome()));
        }
        byte[] out = r.getBytes();
        if (out.length < 24 + size) {
            throw new FwshException("MTRC_STDB read of section " + index + " returned " + Math.max(0, out.length - 24)
                    + " data bytes, expected " + size);
        }
        return Arrays.copyOfRange(out, 24, 24 + size);
    }

    private Active startTracefs(TraceOptions o) {
        DeviceInfo i = device.rawChannel().info();
        String why = device.getName() + " is reached through fwctl: the mainline kernel has no umem (user memory registration), "
                + "so fwsh cannot give the firmware tracer a buffer; falling back to the kernel's own tracer output "
                + "(the mlx5:mlx5_fw tracepoint in tracefs)";
        TracefsReader reader;
        try {
            if (o.tracefs != null) {
                reader = new TracefsReader(o.tracefs, i.pci());
                reader.check();
            } else if (i.transport() == Transport.EMULATED) {
                throw new TracefsUnavailableException("tracefs not available: the emulated device has no kernel driver writing "
                        + "the tracepoint; trace the emulator through mlx5ctl (--emulate cx6dx:mlx5ctl)");
            } else {
                reader = TracefsReader.locate(i.pci());
            }
        } catch (TracefsUnavailableException e) {
            throw new FwshException(why + ", but " + e.getMessage());
        }
        o.note("note: " + why + " at " + reader.root() + (i.pci() == null ? "" : " for " + i.pci()));
        Active a = new Active();
        a.tracefs = reader;
        return a;
    }

    /** Stops tracing and releases everything; returns what the session decoded (null if it never started). */
    public synchronized TraceSummary stop() {
        Active a = active;
        if (a == null) return last;
        active = null;
        device.untrack(a);
        try {
            teardown(a);
        } finally {
            last = a.summary(null, 0, a.gone ? "device removed" : "stopped");
        }
        return last;
    }

    /**
     * Disable, release ownership, destroy the mkey, free the PD, unregister the memory. Every step is tried;
     * once the device is gone nothing more is sent and the memory is released locally.
     */
    private void teardown(Active a) {
        if (a.tracefs != null) return;
        List<RuntimeException> failures = new ArrayList<>();
        boolean gone = a.gone;
        if (a.owner && !gone) {
            try {
                // stop the DMA before the buffer goes away
                device.getReg().get("MTRC_CTRL").write(Map.of("modify_field_select", 1, "trace_status", 0));
            } catch (DeviceGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                failures.add(e);
            }
            if (!gone) {
                try {
                    device.getReg().get("MTRC_CAP").write(Map.of("trace_owner", 0));
                    a.owner = false;
                } catch (DeviceGoneException e) {
                    gone = true;
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        if (a.buf != null) {
            if (gone) {
                releaseLocally(a.buf);
            } else {
                try {
                    a.buf.close();
                } catch (DeviceGoneException e) {
                    releaseLocally(a.buf);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        if (gone && !a.gone) a.markGone("device removed during teardown");
        if (!failures.isEmpty()) {
            FwshException f = new FwshException("stopping the tracer of " + device.getName() + ": " + failures.get(0).getMessage(), failures.get(0));
            for (int i = 1; i < failures.size(); i++) f.addSuppressed(failures.get(i));
            throw f;
        }
    }

    /** The device is gone: drop the memory without sending anything (the firmware objects went with the device). */
    private static void releaseLocally(MkeyBuffer buf) {
        try {
            buf.umem().close();
        } catch (RuntimeException ignored) {
            // a removed device has already released it
        }
    }

    /** Session or device close. */
    private synchronized void closeFromDevice(Active a) {
        if (active != a) return;
        try {
            stop();
        } catch (RuntimeException ignored) {
            // closing is best effort
        }
    }

    public synchronized boolean isRunning() {
        return active != null;
    }

    // ------------------------------------------------------------------ polling

    /** Decodes what the firmware wrote since the last poll (the tracer must be started); returns the messages. */
    public synchronized List<TraceRecord> poll() {
        Active a = requireActive();
        List<TraceRecord> out = new ArrayList<>();
        pollOnce(a, Delivery.collecting(new TraceOptions(), out::add));
        if (a.gone) throw new FwshException("the tracer of " + device.getName() + " ended: " + a.goneMessage + "; " + a.summary(null, 0, "device removed"));
        return out;
    }

    private Active requireActive() {
        if (active == null) throw new FwshException("the tracer of " + device.getName() + " is not started: call start() first (tail and capture start it themselves)");
        return active;
    }

    /** One poll: string-DB update checks, then every new block of the ring through the decoder. */
    synchronized void pollOnce(Active a, Delivery d) {
        if (a.tracefs != null) {
            for (TraceRecord r : a.tracefs.poll()) {
                a.fallbackStats.messages++;
                d.accept(r);
            }
            return;
        }
        if (a.gone) return;
        a.target = d;
        try {
            checkStringDb(a);
            if (!a.buf.umem().isOpen()) {
                a.markGone("the trace buffer was released under the tracer (device removed)");
            } else {
                a.decoder.poll(a.ring);
            }
        } catch (DeviceGoneException e) {
            a.markGone(e.getMessage());
        } finally {
            a.target = null;
        }
        if (a.gone && a.buf != null) {
            a.lostOnRemoval = a.decoder.pendingMessages();
            releaseLocally(a.buf);
        }
    }

    /**
     * STRINGS_DB_UPDATE: the emulator's tracer event, or (any device) MTRC_CAP's string-DB parameters changed.
     * The new DB takes effect for blocks newer than the update (switched in the block tap, so a capture records
     * it at the same point).
     */
    private void checkStringDb(Active a) {
        if (device.rawChannel() instanceof EmulatedDevice emu) {
            for (DeviceEvent e : emu.drainEvents()) {
                if (e.type() == DeviceEvent.DEVICE_TRACER && e.subType() == DeviceEvent.STRINGS_DB_UPDATE) {
                    reloadStringDb(a, readCap(), e.deviceTimestamp());
                }
            }
        }
        long now = clock.nanos();
        if (now >= a.nextDbCheck) {
            a.nextDbCheck = now + a.dbCheckEvery;
            MtrcCap c = readCap();
            if (!sameStringDb(c, a.cap)) reloadStringDb(a, c, a.decoder.lastTimestamp());
        }
    }

    private void reloadStringDb(Active a, MtrcCap c, long afterTimestamp) {
        a.cap = c;
        a.pendingDb = loadStringDb(c);
        a.switchAfter = afterTimestamp;
        a.dbReloads++;
    }

    static boolean sameStringDb(MtrcCap x, MtrcCap y) {
        return x.numStringDb() == y.numStringDb() && Arrays.equals(x.stringDbBase(), y.stringDbBase())
                && Arrays.equals(x.stringDbSize(), y.stringDbSize());
    }

    // ------------------------------------------------------------------ tail

    /**
     * Polls every {@code every:} (default 20 ms) until {@code for:} passes, {@code count:} messages were shown,
     * Ctrl-C or device removal; calls {@code handler} with each message that passes {@code grep:} (regex on the
     * text) and {@code events:} (event ids), or prints it as the tracepoint line ({@code json: true},
     * {@code realTs: true} change the line; {@code out:} where it goes). Starts the tracer if it is not running and
     * stops it at the end. Prints and returns the summary. Ctrl-C ends the tail normally (the interrupt is consumed).
     */
    public TraceSummary tail(Map<String, ?> options,
                             @ClosureParams(value = SimpleType.class, options = "fwsh.trace.TraceRecord") Closure<?> handler) {
        return run(options(options), handler, null, null, true);
    }

    public TraceSummary tail(@ClosureParams(value = SimpleType.class, options = "fwsh.trace.TraceRecord") Closure<?> handler) {
        return tail(Map.of(), handler);
    }

    public TraceSummary tail(Map<String, ?> options) {
        return tail(options, null);
    }

    public TraceSummary tail() {
        return tail(Map.of(), null);
    }

    // ------------------------------------------------------------------ capture

    /** Captures for {@code duration} into {@code file} (see CAPTURE-FORMAT.md); prints and returns the summary. */
    public TraceSummary capture(Object file, Duration duration) {
        return capture(Map.of("for", duration), file);
    }

    /**
     * Captures into {@code file} until {@code for:} / {@code count:} / Ctrl-C. With {@code print: true} the messages
     * are also printed (same options as tail).
     */
    public TraceSummary capture(Map<String, ?> options, Object file) {
        TraceOptions o = options(options);
        return run(o, null, TraceFiles.path(file), null, Boolean.TRUE.equals(o.print));
    }

    /** Captures while {@code body} runs (polling in the background), then drains what is left. */
    public TraceSummary capture(Object file, Closure<?> body) {
        return capture(Map.of(), file, body);
    }

    public TraceSummary capture(Map<String, ?> options, Object file, Closure<?> body) {
        TraceOptions o = options(options);
        return run(o, null, TraceFiles.path(file), Objects.requireNonNull(body, "body"), Boolean.TRUE.equals(o.print));
    }

    /** Decodes a capture file offline (no device needed): prints each message, any damage, and the summary. */
    public TraceSummary decode(Object file) {
        return decode(Map.of(), file);
    }

    public TraceSummary decode(Map<String, ?> options, Object file) {
        return TraceFiles.decode(withOutput(options), file);
    }

    public TraceSummary decode(Map<String, ?> options, Object file,
                               @ClosureParams(value = SimpleType.class, options = "fwsh.trace.TraceRecord") Closure<?> handler) {
        return TraceFiles.decode(withOutput(options), file, handler);
    }

    /** Parsed options; without {@code out:} the tracer prints where the script prints. */
    private TraceOptions options(Map<String, ?> options) {
        TraceOptions o = TraceOptions.parse(options);
        if (o.out == null) o.out = device.output();
        return o;
    }

    private Map<String, ?> withOutput(Map<String, ?> options) {
        if (options.containsKey("out")) return options;
        Map<String, Object> m = new java.util.LinkedHashMap<>(options);
        m.put("out", device.output());
        return m;
    }

    // ------------------------------------------------------------------ the loop

    private TraceSummary run(TraceOptions o, Closure<?> handler, Path captureFile, Closure<?> body, boolean print) {
        Active a;
        boolean mine;
        synchronized (this) {
            mine = active == null;
            a = mine ? start(o) : active;
        }
        String ended = null;
        TraceCaptureWriter writer = null;
        boolean interrupted = false;
        TraceStats base = a.stats().copy();
        Delivery d;
        try {
            d = Delivery.to(o, handler, print, o.realTs ? deviceFrequencyKHz(true) : 0);
            if (captureFile != null) {
                if (a.tracefs != null) {
                    throw new FwshException("capture needs the raw trace blocks, which the tracefs fallback does not have; "
                            + "capture through an mlx5ctl device");
                }
                writer = openCapture(a, captureFile);
                synchronized (this) {
                    a.writer = writer;
                }
            }
            if (body != null) {
                ended = runWithBody(a, d, o, body);
            } else {
                long deadline = o.forDuration == null ? Long.MAX_VALUE : clock.nanos() + o.forDuration.toNanos();
                while (true) {
                    pollOnce(a, d);
                    if (a.gone) { ended = "device removed (" + a.goneMessage + ")"; break; }
                    if (d.full()) { ended = "count"; break; }
                    long now = clock.nanos();
                    if (now >= deadline) { ended = "for"; break; }
                    try {
                        clock.sleep(Duration.ofNanos(Math.min(o.every.toNanos(), deadline - now)));
                    } catch (InterruptedException e) {
                        interrupted = true;
                        ended = "interrupted";
                        pollOnce(a, d);       // show what arrived before Ctrl-C
                        if (a.gone) ended = "device removed (" + a.goneMessage + ")";
                        break;
                    }
                }
            }
        } finally {
            // a Ctrl-C that arrived while deciding must not make the teardown RPCs fail
            boolean pending = Thread.interrupted();
            try {
                synchronized (this) {
                    a.writer = null;
                }
                if (writer != null) writer.close();
                if (mine) {
                    synchronized (this) {
                        if (active == a) {
                            active = null;
                            device.untrack(a);
                            teardown(a);
                        }
                    }
                }
            } finally {
                if (pending && !interrupted) Thread.currentThread().interrupt();
            }
        }
        TraceSummary s = a.summary(base, d.shown(), ended);
        synchronized (this) {
            last = s;
        }
        if (writer != null) o.note("capture: " + writer.blocks() + " blocks, " + writer.overruns() + " overruns written to " + captureFile);
        o.note(s.toString());
        o.flush();
        return Shown.printed(s);
    }

    /** Runs {@code body} on this thread while a daemon thread polls; then one last poll. */
    private String runWithBody(Active a, Delivery d, TraceOptions o, Closure<?> body) {
        pollOnce(a, d);
        final boolean[] stop = {false};
        final RuntimeException[] failed = {null};
        Thread poller = new Thread(() -> {
            while (true) {
                synchronized (stop) {
                    if (stop[0]) return;
                }
                try {
                    pollOnce(a, d);
                    Thread.sleep(o.every.toMillis(), o.every.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failed[0] = e;
                    return;
                }
            }
        }, "fwsh-trace-poller");
        poller.setDaemon(true);
        poller.start();
        try {
            body.call();
        } finally {
            synchronized (stop) {
                stop[0] = true;
            }
            poller.interrupt();
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed[0] != null) throw failed[0];
        pollOnce(a, d);
        return a.gone ? "device removed (" + a.goneMessage + ")" : "body done";
    }

    private TraceCaptureWriter openCapture(Active a, Path file) {
        Map<String, String> id = new LinkedHashMap<>();
        Map<String, Object> info = device.getInfo();
        for (String k : List.of("name", "pci", "psid", "fw_version", "transport", "personality", "profile")) {
            Object v = info.get(k);
            if (v != null) id.put(k, String.valueOf(v));
        }
        TracerCaps caps = a.decoder.caps().withDeviceFrequencyKHz(Math.max(0, deviceFrequencyKHz(false)));
        OutputStream os;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            os = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new FwshException("cannot create capture file " + file + ": " + e.getMessage(), e);
        }
        return new TraceCaptureWriter(os, id, caps, a.currentDb(), clock::epochNanos);
    }

    /** cap.general.device_frequency_khz, read once; 0 (or an exception when {@code required}) if unknown. */
    long deviceFrequencyKHz(boolean required) {
        long f = frequencyKHz;
        if (f < 0) {
            try {
                Object v = device.getCap().get("general").getProperty("device_frequency_khz");
                f = v instanceof Number n ? n.longValue() : 0;
            } catch (RuntimeException e) {
                if (required) throw new FwshException("realTs: needs the device clock (HCA cap device_frequency_khz), which could not be read: " + e.getMessage(), e);
                return 0;
            }
            frequencyKHz = f;
        }
        if (f == 0 && required) throw new FwshException("realTs: the device reports device_frequency_khz = 0, so timestamps cannot be converted; drop realTs");
        return f;
    }

    static String humanDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return (ms / 60_000) + " min";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return ms + " ms";
    }

    @Override
    public String describe() {
        return "dev.tracer — firmware tracer of " + device.getName()
                + "\n  status()                      MCAM, MTRC_CAP, owner, string DBs, this session's state"
                + "\n  tail(opts) { TraceRecord r -> }  live messages; opts for:, count:, every:, grep:, events:, json:, realTs:, out:"
                + "\n  capture(file, 10.s)           raw blocks + string DB to a file; capture(file) { ... } while a block runs"
                + "\n  decode(file)                  offline decode of a capture (no device needed)"
                + "\n  start(wait: 30.s, logPages: 6), poll(), stop()";
    }

    @Override
    public String toString() {
        return "DeviceTracer(" + device.getName() + ", " + (isRunning() ? "running" : "stopped") + ")";
    }

    // ------------------------------------------------------------------ one tracing session

    /** The state of one start..stop: ownership, buffer, decoder, pending string-DB switch, capture tap. */
    final class Active implements AutoCloseable, BlockParser.Handler {
        MtrcCap cap;
        StringDb db;
        MkeyBuffer buf;
        ByteBuffer ring;
        TraceDecoder decoder;
        TracefsReader tracefs;
        final TraceStats fallbackStats = new TraceStats();
        boolean owner;
        volatile boolean gone;
        String goneMessage;
        long lostOnRemoval;
        Delivery target;
        TraceCaptureWriter writer;
        StringDb pendingDb;
        long switchAfter;
        long dbReloads;
        long nextDbCheck;
        long dbCheckEvery;

        void deliver(TraceMessage m) {
            Delivery t = target;
            if (t != null) t.onMessage(m);
        }

        TraceStats stats() {
            return decoder != null ? decoder.stats() : fallbackStats;
        }

        StringDb currentDb() {
            return db;
        }

        void markGone(String why) {
            gone = true;
            goneMessage = why;
        }

        @Override
        public void block(long[] events, int blockIndex, long blockTimestamp) {
            if (pendingDb != null && blockTimestamp > switchAfter) {
                db = pendingDb;
                pendingDb = null;
                decoder.setStringDb(db);
                if (writer != null) writer.stringDb(db);
            }
            if (writer != null) writer.block(events, blockIndex, blockTimestamp);
        }

        @Override
        public void overrun(int blockIndex, long blockTimestamp, long previousBlockTimestamp, long lastTimestamp) {
            if (writer != null) writer.overrun(blockIndex, blockTimestamp, previousBlockTimestamp, lastTimestamp);
        }

        TraceSummary summary(TraceStats base, long shown, String ended) {
            TraceStats s = stats().copy();
            if (base != null) subtract(s, base);
            if (base == null) shown = s.messages;
            return TraceSummary.of(s, shown, lostOnRemoval, ended, null);
        }

        @Override
        public void close() {
            closeFromDevice(this);
        }
    }

    static void subtract(TraceStats s, TraceStats b) {
        s.events -= b.events; s.stringEvents -= b.stringEvents; s.timestampEvents -= b.timestampEvents;
        s.unreliableTimestamps -= b.unreliableTimestamps; s.unrecognizedEvents -= b.unrecognizedEvents;
        s.lostFlagEvents -= b.lostFlagEvents; s.messages -= b.messages; s.rawMessages -= b.rawMessages;
        s.badFormats -= b.badFormats; s.unknownTmsn -= b.unknownTmsn; s.droppedPending -= b.droppedPending;
        s.blocks -= b.blocks; s.overruns -= b.overruns; s.skippedBlocks -= b.skippedBlocks;
    }
}
