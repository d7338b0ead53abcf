package fwsh.dsl.trace;

import fwsh.channel.DeviceClock;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.Shown;
import fwsh.trace.TraceStats;
import groovy.lang.Closure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One tail or capture: polls the tracer every {@code every:} until {@code for:} passes, {@code count:} messages were
 * shown, Ctrl-C, device removal, the session closing or a failed capture write (or, with a body, until the body
 * returns); writes the capture; and, when the run started the tracer, stops it on every way out. Prints and returns
 * the summary; a capture whose file could not be written ends with one line saying so.
 */
final class TraceRun {
    private final DeviceTracer tracer;
    private final DeviceAccess device;
    private final TraceOptions o;

    TraceRun(DeviceTracer tracer, DeviceAccess device, TraceOptions o) {
        this.tracer = tracer;
        this.device = device;
        this.o = o;
    }

    TraceSummary run(Closure<?> handler, Path captureFile, Closure<?> body, boolean print) {
        DeviceTracer.Use use = tracer.use(o);
        TraceSession s = use.session();
        DeviceClock clock = device.rawChannel().clock();
        TraceStats base = s.stats().copy();
        String ended = null;
        CaptureFile capture = null;
        boolean interrupted = false;
        Delivery d = null;
        Throwable primary = null;
        try {
            d = Delivery.to(o, handler, print, o.realTs ? tracer.deviceFrequencyKHz(true) : 0);
            if (captureFile != null) capture = s.capture(captureFile, identity(), tracer.deviceFrequencyKHz(false));
            if (body != null) {
                ended = withBody(s, d, capture, body, use.mine());
            } else {
                long deadline = o.forDuration == null ? Long.MAX_VALUE : clock.nanos() + o.forDuration.toNanos();
                while (true) {
                    s.poll(d);
                    ended = endedBy(s, d, capture);
                    if (ended != null) break;
                    long now = clock.nanos();
                    if (now >= deadline) {
                        ended = "for";
                        break;
                    }
                    try {
                        clock.sleep(Duration.ofNanos(Math.min(o.every.toNanos(), deadline - now)));
                    } catch (InterruptedException e) {
                        interrupted = true;
                        s.poll(d);       // show what arrived before Ctrl-C
                        ended = s.goneMessage() != null ? gone(s) : "interrupted";
                        break;
                    }
                }
            }
        } catch (Throwable t) {
            primary = t;
            throw t;
        } finally {
            // a Ctrl-C that arrived while deciding must not make the teardown RPCs fail
            boolean pending = Thread.interrupted();
            try {
                if (capture != null) s.endCapture(capture);
                if (use.mine()) tracer.endRun(s);
            } catch (RuntimeException e) {
                if (primary == null) throw e;
                primary.addSuppressed(e);
            } finally {
                if (pending && !interrupted) Thread.currentThread().interrupt();
            }
        }
        if (capture != null && capture.failed()) {
            throw new CaptureWriteException(capture.failureLine(use.mine() ? "the tracer was stopped"
                    : "the tracer keeps running (stop() ends it)"));
        }
        TraceSummary summary = s.summary(base, d.shown(), ended);
        tracer.remember(summary);
        if (capture != null) {
            o.note("capture: " + capture.blocks() + " blocks, " + capture.overruns() + " overruns written to " + captureFile);
        }
        o.note(summary.toString());
        o.flush();
        return Shown.printed(summary);
    }

    /** Why the loop ends after this poll, or null to go on. */
    private static String endedBy(TraceSession s, Delivery d, CaptureFile capture) {
        if (s.goneMessage() != null) return gone(s);
        if (capture != null && capture.failed()) return "capture write failed";
        if (s.isClosed()) return "stopped";
        if (d.full()) return "count";
        return null;
    }

    private static String gone(TraceSession s) {
        return "device removed (" + s.goneMessage() + ")";
    }

    /**
     * Runs {@code body} on this thread while a daemon thread polls; then one last poll. A capture write that fails
     * stops the tracer at once (when this run started it), not when the body ends.
     */
    private String withBody(TraceSession s, Delivery d, CaptureFile capture, Closure<?> body, boolean mine) {
        s.poll(d);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            while (!stop.get() && endedBy(s, d, capture) == null) {
                try {
                    s.poll(d);
                    if (mine && capture != null && capture.failed()) tracer.endRun(s);
                    Thread.sleep(o.every.toMillis(), o.every.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failed.set(e);
                    return;
                }
            }
        }, "fwsh-trace-poller");
        poller.setDaemon(true);
        poller.start();
        try {
            body.call();
        } finally {
            stop.set(true);
            poller.interrupt();
            try {
                poller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed.get() != null) throw failed.get();
        s.poll(d);
        String ended = endedBy(s, d, capture);
        return ended == null || ended.equals("count") ? "body done" : ended;
    }

    /** Device identity for the capture header. */
    private Map<String, String> identity() {
        Map<String, String> id = new LinkedHashMap<>();
        Map<String, Object> info = device.getInfo();
        for (String k : List.of("name", "pci", "psid", "fw_version", "transport", "personality", "profile")) {
            Object v = info.get(k);
            if (v != null) id.put(k, String.valueOf(v));
        }
        return id;
    }
}
