package fwsh.emu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * SET/QUERY_DIAGNOSTIC_PARAMS and QUERY_DIAGNOSTIC_COUNTERS. Once enabled, sample k (from 0) is
 * taken at enable_time + (k+1) * 2^log_sample_period device clocks; in single mode sampling stops
 * after 2^log_num_of_samples samples, in repetitive mode the buffer is a ring of that many slots.
 * Samples are computed on query from the clock, so advancing a virtual clock by d yields exactly
 * floor(d / period) new samples. Each counter id has its own seeded rate (units per second);
 * clear=1 on SET restarts the values at 0.
 */
final class DiagCounters {
    static final int CTX = 0x08;                 // diagnostic_params_context in both SET in and QUERY out
    static final int CTX_COUNTER_IDS = 0x18;     // counter_id[] inside the context
    static final int ENTRY_BYTES = 16;

    private final Hca hca;

    // configuration, guarded by this
    private boolean configured;
    private boolean enabled;
    private int[] ids = new int[0];
    private double[] rates = new double[0];
    private int logNumSamples;
    private int logSamplePeriod;
    private boolean single;
    private boolean repetitive;
    private boolean sync;
    private boolean onDemand;
    private long enabledAt;
    private long stoppedAt = Long.MAX_VALUE;
    private long valueOrigin;

    DiagCounters(Hca hca) {
        this.hca = hca;
    }

    double periodNanos(int logPeriod) {
        return Math.pow(2, logPeriod) * 1e6 / hca.freqKhz;
    }

    private double rateOf(int id) {
        SplittableRandom r = new SplittableRandom(hca.seed * 131 + id);
        double jitter = 0.8 + 0.4 * r.nextDouble();
        double clocksPerSec = hca.freqKhz * 1000.0;
        return jitter * switch (id) {
            case 0x1001, 0x2006 -> 4.0e6;                 // packets
            case 0x0406 -> 2.0e7;                         // 128-byte units of inbound PCIe data
            case 0x2c02, 0x2c03, 0x2c04 -> 1.2e9;         // line transmitted
            default -> clocksPerSec * 0.01;               // stall counters, in device clocks
        };
    }

    void set(Cmd c) {
        c.needIn(CTX + CTX_COUNTER_IDS);
        c.needOut(16);
        int num = (int) Prm.get(c.in, CTX, 0x00, 31, 16);
        int lns = (int) Prm.get(c.in, CTX, 0x00, 7, 0);
        boolean sgl = Prm.get(c.in, CTX, 0x04, 31, 31) != 0;
        boolean rep = Prm.get(c.in, CTX, 0x04, 30, 30) != 0;
        boolean syn = Prm.get(c.in, CTX, 0x04, 29, 29) != 0;
        boolean clr = Prm.get(c.in, CTX, 0x04, 28, 28) != 0;
        boolean ond = Prm.get(c.in, CTX, 0x04, 27, 27) != 0;
        boolean en = Prm.get(c.in, CTX, 0x04, 26, 26) != 0;
        int lsp = (int) Prm.get(c.in, CTX, 0x04, 7, 0);
        c.needIn(CTX + CTX_COUNTER_IDS + 4 * num);
        int[] wanted = new int[num];
        for (int i = 0; i < num; i++) wanted[i] = (int) Prm.get(c.in, CTX, CTX_COUNTER_IDS + 4 * i, 15, 0);
        long now = hca.clock.nanos();
        synchronized (this) {
            if (!en) {
                if (enabled) stoppedAt = now;
                enabled = false;
                if (clr) {
                    configured = false;
                    ids = new int[0];
                }
                return;
            }
            Caps caps = hca.caps;
            if (num == 0) throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.no_counters", "enable=1 needs at least one counter id");
            if (num > caps.diagCounters.size()) {
                throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.too_many_counters", num + " counters requested, the device has " + caps.diagCounters.size());
            }
            Set<Integer> seen = new HashSet<>();
            for (int id : wanted) {
                if (!caps.diagCounters.contains((long) id)) {
                    throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.unknown_counter", String.format("counter id 0x%x is not supported (see the DEBUG cap)", id));
                }
                if (!seen.add(id)) throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.duplicate_counter", String.format("counter id 0x%x is listed twice", id));
                if (syn && !caps.syncCounters.contains((long) id)) {
                    throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.not_sync_capable", String.format("counter id 0x%x cannot be sampled in sync", id));
                }
            }
            if (sgl == rep) throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.mode", "set exactly one of single and repetitive");
            if ((sgl && caps.debug("single") == 0) || (rep && caps.debug("repetitive") == 0)) {
                throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.mode_unsupported", (sgl ? "single" : "repetitive") + " mode is not in the DEBUG cap");
            }
            long logMax = caps.debug("log_max_samples");
            if (lns > logMax || (1L << (logMax - lns)) < num) {
                throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.buffer_too_large",
                        num + " counters x 2^" + lns + " samples exceed 2^log_max_samples (" + logMax + ")");
            }
            if (lsp < caps.debug("log_min_sample_period") || lsp > 62) {
                throw FirmwareError.badParam("SET_DIAGNOSTIC_PARAMS.bad_sample_period", "log_sample_period " + lsp + " is below log_min_sample_period or too large");
            }
            configured = true;
            enabled = true;
            ids = wanted;
            rates = new double[num];
            for (int i = 0; i < num; i++) rates[i] = rateOf(wanted[i]);
            logNumSamples = lns;
            logSamplePeriod = lsp;
            single = sgl;
            repetitive = rep;
            sync = syn;
            onDemand = ond;
            enabledAt = now;
            stoppedAt = Long.MAX_VALUE;
            if (clr) valueOrigin = now;
        }
    }

    void queryParams(Cmd c) {
        c.needIn(16);
        synchronized (this) {
            c.needOut(CTX + CTX_COUNTER_IDS + 4 * ids.length);
            Prm.set(c.out, CTX, 0x00, 31, 16, ids.length);
            Prm.set(c.out, CTX, 0x00, 7, 0, logNumSamples);
            Prm.set(c.out, CTX, 0x04, 31, 31, single ? 1 : 0);
            Prm.set(c.out, CTX, 0x04, 30, 30, repetitive ? 1 : 0);
            Prm.set(c.out, CTX, 0x04, 29, 29, sync ? 1 : 0);
            Prm.set(c.out, CTX, 0x04, 27, 27, onDemand ? 1 : 0);
            Prm.set(c.out, CTX, 0x04, 26, 26, enabled ? 1 : 0);
            Prm.set(c.out, CTX, 0x04, 7, 0, logSamplePeriod);
            for (int i = 0; i < ids.length; i++) Prm.set(c.out, CTX, CTX_COUNTER_IDS + 4 * i, 15, 0, ids[i]);
        }
    }

    /** Samples taken so far. */
    synchronized long samplesTaken() {
        if (!configured) return 0;
        long end = Math.min(hca.clock.nanos(), stoppedAt);
        long n = (long) Math.floor((end - enabledAt) / periodNanos(logSamplePeriod));
        return single ? Math.min(n, 1L << logNumSamples) : Math.max(0, n);
    }

    void queryCounters(Cmd c) {
        c.needIn(16);
        c.needOut(16);
        int m = (int) c.inField(0x08, 31, 16);
        int s = (int) c.inField(0x08, 15, 0);
        List<long[]> entries = new ArrayList<>();
        synchronized (this) {
            if (!configured) {
                throw new FirmwareError(FwStatus.BAD_SYS_STATE, "QUERY_DIAGNOSTIC_COUNTERS.not_configured", "no diagnostic counters are configured; SET_DIAGNOSTIC_PARAMS first");
            }
            long slots = 1L << logNumSamples;
            if (m == 0) m = (int) slots;
            if (m > slots) throw FirmwareError.badParam("QUERY_DIAGNOSTIC_COUNTERS.too_many_samples", "num_of_samples " + m + " exceeds 2^log_num_of_samples = " + slots);
            if (s >= slots) throw FirmwareError.badParam("QUERY_DIAGNOSTIC_COUNTERS.bad_sample_index", "sample_index " + s + " must be below " + slots);
            long taken = samplesTaken();
            double period = periodNanos(logSamplePeriod);
            for (int j = 0; j < m; j++) {
                long slot = (s + j) % slots;
                if (taken <= slot) {
                    for (int ci = 0; ci < ids.length; ci++) entries.add(null);
                    continue;
                }
                long k = slot + slots * ((taken - 1 - slot) / slots);
                long t = enabledAt + (long) Math.floor((k + 1) * period);
                for (int ci = 0; ci < ids.length; ci++) {
                    long value = (long) Math.floor(rates[ci] * (t - valueOrigin) / 1e9);
                    entries.add(new long[]{ids[ci], (k + 1) & 0xffff, hca.deviceTicks(t) & 0xffffffffL, value});
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            int off = 16 + ENTRY_BYTES * i;
            if (off + ENTRY_BYTES > c.out.length) break;
            long[] e = entries.get(i);
            if (e == null) continue;
            Prm.set(c.out, off, 0x00, 31, 16, e[0]);
            Prm.set(c.out, off, 0x00, 15, 0, e[1]);
            Prm.u32(c.out, off + 4, e[2]);
            Prm.u64(c.out, off + 8, e[3]);
        }
    }
}
