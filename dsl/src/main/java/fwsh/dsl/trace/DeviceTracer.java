package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Transport;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.trace.MtrcCap;
import fwsh.trace.TraceRecord;
import fwsh.trace.TracefsReader;
import fwsh.trace.TracefsUnavailableException;
import groovy.lang.Closure;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.SimpleType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * On mlx5ctl (and the emulator) the tracer writes into a umem buffer ({@link MemoryTrace}, brought up and torn
 * down by {@link TracerBringUp}); on fwctl the kernel's own tracer output is read from tracefs instead
 * ({@link TracefsTrace}). Tails and captures are {@link TraceRun}s. Teardown (stop, session close, exceptions,
 * Ctrl-C, a failed capture write, device removal, a shutdown) releases ownership, mkey, PD and memory: the running
 * session is tracked by the device, so closing the device or the session closes it from any thread.
 */
public class DeviceTracer implements Describable {
    private final DeviceAccess device;
    private final TracerRegisters regs;
    private final TracerBringUp bringUp;
    private TraceSession active;       // guarded by this
    private TraceSummary last;         // guarded by this
    private volatile long frequencyKHz = -1;

    public DeviceTracer(DeviceAccess device) {
        this.device = device;
        this.regs = new TracerRegisters(device);
        this.bringUp = new TracerBringUp(device, regs);
    }

    protected DeviceAccess device() {
        return device;
    }

    /** The running session, or null; one closed from elsewhere (the device or session closing) counts as stopped. */
    private synchronized TraceSession current() {
        TraceSession s = active;
        if (s != null && s.isClosed()) {
            active = null;
            device.untrack(s);
            last = s.summary(null, 0, s.goneMessage() != null ? "device removed" : "stopped");
            return null;
        }
        return s;
    }

    // ------------------------------------------------------------------ status

    /**
     * What the device offers and what this session is doing: tracer registers in MCAM, MTRC_CAP
     * (trace_to_memory, trace_owner as seen by this handle, trc_ver, string-trace ids, buffer limit, string DB
     * sections) and our state (stopped, active with buffer/mkey/counters, or tracefs fallback).
     */
    public Map<String, Object> status() {
        return TracerStatus.of(device, regs, current());
    }

    MtrcCap readCap() {
        return regs.cap();
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

    synchronized TraceSession start(TraceOptions o) {
        if (current() != null) {
            throw new FwshException("the tracer of " + device.getName() + " is already running in this session; "
                    + "tail/capture/poll use it, stop() ends it");
        }
        TraceSession s = device.rawChannel().supportsUmem() ? startMemory(o) : startTracefs(o);
        active = s;
        device.track(s);
        return s;
    }

    private TraceSession startMemory(TraceOptions o) {
        DeviceClock clock = device.rawChannel().clock();
        TracerBringUp.Resources r = bringUp.bringUp(o, clock);
        try {
            return new MemoryTrace(device, regs, bringUp, r, o, clock);
        } catch (RuntimeException e) {
            try {
                bringUp.teardown(r, false);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private TraceSession startTracefs(TraceOptions o) {
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
        return new TracefsTrace(reader);
    }

    /** The session a tail or capture runs on, and whether it started it (then it stops it at the end). */
    record Use(TraceSession session, boolean mine) {
    }

    synchronized Use use(TraceOptions o) {
        TraceSession s = current();
        return s != null ? new Use(s, false) : new Use(start(o), true);
    }

    /** The end of a run that started the tracer: stop it, unless someone else already did. */
    void endRun(TraceSession s) {
        synchronized (this) {
            if (active != s) return;
            active = null;
            device.untrack(s);
        }
        s.close();
    }

    synchronized void remember(TraceSummary s) {
        last = s;
    }

    /** Stops tracing and releases everything; returns what the session decoded (null if it never started). */
    public TraceSummary stop() {
        TraceSession s;
        synchronized (this) {
            s = active;
            if (s == null) return last;
            active = null;
            device.untrack(s);
        }
        try {
            s.close();
        } finally {
            remember(s.summary(null, 0, s.goneMessage() != null ? "device removed" : "stopped"));
        }
        synchronized (this) {
            return last;
        }
    }

    public boolean isRunning() {
        return current() != null;
    }

    // ------------------------------------------------------------------ polling

    /** Decodes what the firmware wrote since the last poll (the tracer must be started); returns the messages. */
    public List<TraceRecord> poll() {
        TraceSession s = current();
        if (s == null) throw new FwshException("the tracer of " + device.getName() + " is not started: call start() first (tail and capture start it themselves)");
        List<TraceRecord> out = new ArrayList<>();
        s.poll(Delivery.collecting(new TraceOptions(), out::add));
        if (s.goneMessage() != null) {
            throw new FwshException("the tracer of " + device.getName() + " ended: " + s.goneMessage() + "; " + s.summary(null, 0, "device removed"));
        }
        return out;
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
        Map<String, Object> m = new LinkedHashMap<>(options);
        m.put("out", device.output());
        return m;
    }

    private TraceSummary run(TraceOptions o, Closure<?> handler, Path captureFile, Closure<?> body, boolean print) {
        return new TraceRun(this, device, o).run(handler, captureFile, body, print);
    }

    /** cap.general.device_frequency_khz, read once; 0 (or an exception when {@code required}) if unknown. */
    long deviceFrequencyKHz(boolean required) {
        long f = frequencyKHz;
        if (f < 0) {
            try {
                f = regs.deviceFrequencyKHz();
            } catch (RuntimeException e) {
                if (required) throw new FwshException("realTs: needs the device clock (HCA cap device_frequency_khz), which could not be read: " + e.getMessage(), e);
                return 0;
            }
            frequencyKHz = f;
        }
        if (f == 0 && required) throw new FwshException("realTs: the device reports device_frequency_khz = 0, so timestamps cannot be converted; drop realTs");
        return f;
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
}
