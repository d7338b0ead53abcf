package fwsh.dsl.trace;

import fwsh.base.FwshException;
import fwsh.channel.DeviceClock;
import fwsh.channel.DeviceGoneException;
import fwsh.dsl.dump.MkeyBuffer;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.trace.MtrcCap;
import fwsh.trace.StringDb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bring-up and teardown of a memory-mode tracer, in the kernel driver's order: MCAM and MTRC_CAP checks, ownership,
 * the whole string DB, a umem + PD + MTT mkey buffer, MTRC_CONF, MTRC_CTRL; and back: disable, release ownership,
 * destroy the mkey, free the PD, unregister the memory. A failed bring-up undoes what it did.
 */
final class TracerBringUp {
    static final int PAGE = 4096;

    /** What a running tracer holds on the device. The buffer is released once, by {@link #teardown}. */
    static final class Resources {
        final MtrcCap cap;
        final StringDb db;
        final MkeyBuffer buffer;
        final int logPages;
        volatile boolean owner;

        Resources(MtrcCap cap, StringDb db, MkeyBuffer buffer, int logPages, boolean owner) {
            this.cap = cap;
            this.db = db;
            this.buffer = buffer;
            this.logPages = logPages;
            this.owner = owner;
        }
    }

    private final DeviceAccess device;
    private final TracerRegisters regs;

    TracerBringUp(DeviceAccess device, TracerRegisters regs) {
        this.device = device;
        this.regs = regs;
    }

    Resources bringUp(TraceOptions o, DeviceClock clock) {
        String name = device.getName();
        if (!regs.present()) {
            throw new FwshException(name + " has no firmware tracer: MCAM does not list the tracer registers "
                    + "MTRC_CAP..MTRC_CTRL (0x9040-0x9043)");
        }
        MtrcCap cap = regs.cap();
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
        acquire(o, clock);
        StringDb db = null;
        MkeyBuffer buf = null;
        try {
            db = regs.stringDb(cap);
            buf = MkeyBuffer.allocate(device, size);
            device.untrack(buf);        // released by the teardown, after the tracer stops writing into it
            regs.configure(buf.mkey(), logPages);
            regs.activate();
            return new Resources(cap, db, buf, logPages, true);
        } catch (RuntimeException e) {
            try {
                teardown(new Resources(cap, db, buf, logPages, true), false);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** MTRC_CAP write trace_owner=1 and check the answer, as the driver does; with wait: retry until it is granted. */
    private void acquire(TraceOptions o, DeviceClock clock) {
        long start = clock.nanos();
        long deadline = o.wait == null ? start : start + o.wait.toNanos();
        while (!regs.requestOwnership()) {
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

    /**
     * Disable, release ownership, destroy the mkey, free the PD, unregister the memory. Every step is tried; once the
     * device is gone ({@code gone}, or learnt on the way) nothing more is sent and the memory is released locally.
     *
     * @return true when the device turned out to be gone
     */
    boolean teardown(Resources r, boolean gone) {
        List<RuntimeException> failures = new ArrayList<>();
        if (r.owner && !gone) {
            try {
                regs.disable();     // stop the DMA before the buffer goes away
            } catch (DeviceGoneException e) {
                gone = true;
            } catch (RuntimeException e) {
                failures.add(e);
            }
            if (!gone) {
                try {
                    regs.releaseOwnership();
                    r.owner = false;
                } catch (DeviceGoneException e) {
                    gone = true;
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        if (r.buffer != null) {
            if (gone) {
                releaseLocally(r.buffer);
            } else {
                try {
                    r.buffer.close();
                } catch (DeviceGoneException e) {
                    releaseLocally(r.buffer);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            FwshException f = new FwshException("stopping the tracer of " + device.getName() + ": " + failures.get(0).getMessage(), failures.get(0));
            for (int i = 1; i < failures.size(); i++) f.addSuppressed(failures.get(i));
            throw f;
        }
        return gone;
    }

    /** The device is gone: drop the memory without sending anything (the firmware objects went with the device). */
    static void releaseLocally(MkeyBuffer buf) {
        try {
            buf.umem().close();
        } catch (RuntimeException ignored) {
            // a removed device has already released it
        }
    }

    static String humanDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) return (ms / 60_000) + " min";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return ms + " ms";
    }
}
