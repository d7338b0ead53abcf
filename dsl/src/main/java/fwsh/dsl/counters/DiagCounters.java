package fwsh.dsl.counters;

import fwsh.base.FwshException;
import fwsh.counters.CounterDef;
import fwsh.counters.CounterSource;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.wire.Catalog;
import fwsh.wire.Value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code dev.counters.diag}: the device's diagnostic (debug) counters. The DEBUG capability lists the supported
 * counter ids; {@link #setup} programs SET_DIAGNOSTIC_PARAMS (needs {@code withScope('debug-write')}; on fwctl it
 * taints the kernel, and a warning says so before it is sent); the device then samples the counters every
 * 2^log_sample_period device clocks into a buffer read by QUERY_DIAGNOSTIC_COUNTERS, each sample stamped with the
 * device clock.
 */
public final class DiagCounters implements Describable {
    /** Names for the counter ids documented publicly; others are {@code diag_0xNNNN}. */
    static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            Map.entry(0x0401, new String[]{"pcie_back_pressure", "back pressure from PCIe to the NIC blocks", "clocks"}),
            Map.entry(0x0402, new String[]{"pcie_outbound_stalled_writes", "outbound writes stalled: no PCIe posted credits", "clocks"}),
            Map.entry(0x0403, new String[]{"pcie_outbound_stalled_reads", "outbound reads stalled: no PCIe non-posted credits", "clocks"}),
            Map.entry(0x0406, new String[]{"pcie_rx_128b_data", "inbound PCIe data", "128 bytes"}),
            Map.entry(0x0409, new String[]{"pcie_read_stalled_no_read_engines", "PCIe reads stalled: all read engines busy", "clocks"}),
            Map.entry(0x040a, new String[]{"pcie_read_stalled_no_completion_buffer", "PCIe reads stalled: completion buffer full", "clocks"}),
            Map.entry(0x040b, new String[]{"pcie_read_stalled_ordering", "PCIe reads stalled behind writes (ordering)", "clocks"}),
            Map.entry(0x1001, new String[]{"rx_steering_packets", "packets through the receive pipe before the QPs", "packets"}),
            Map.entry(0x2001, new String[]{"sq_stopped_limited_vl", "send queue stopped: transmit buffer full (limited VL)", "clocks"}),
            Map.entry(0x2006, new String[]{"tx_pipe_packets", "packets in the transmit pipe", "packets"}),
            Map.entry(0x2c02, new String[]{"line_tx_port1", "data sent from port 1", ""}),
            Map.entry(0x2c03, new String[]{"line_tx_port2", "data sent from port 2", ""}),
            Map.entry(0x2c04, new String[]{"line_tx_loopback", "data sent back to the receive pipe", ""}));

    private final DeviceAccess device;
    private final Runnable onChange;
    private volatile Consumer<String> warnings = System.err::println;
    private volatile Map<String, Object> caps;
    private volatile Config config;
    private volatile DiagReply reply;

    /** What the last successful setup programmed. */
    record Config(int[] ids, int logNumSamples, int logSamplePeriod, boolean single) {
        int slots() {
            return 1 << logNumSamples;
        }
    }

    DiagCounters(DeviceAccess device, Runnable onChange) {
        this.device = device;
        this.onChange = onChange;
    }

    /** Where the kernel-taint warning goes (default stderr; scripts route it to their output). */
    public void setWarnings(Consumer<String> sink) {
        this.warnings = sink == null ? s -> { } : sink;
    }

    static String counterName(int id) {
        String[] k = KNOWN.get(id);
        return "diag_" + (k != null ? k[0] : String.format("0x%04x", id));
    }

    static long ticksToNanos(long ticks, long freqKhz) {
        if (freqKhz == 1_000_000) return ticks;
        if (freqKhz <= 0) return ticks;
        long whole = ticks / freqKhz, rest = ticks % freqKhz;
        return whole * 1_000_000 + rest * 1_000_000 / freqKhz;
    }

    /** Device clock in kHz (cmd_hca_cap device_frequency_khz). */
    public long getFrequencyKhz() {
        return ((Number) getCaps().get("device_frequency_khz")).longValue();
    }

    /**
     * The DEBUG capability as a map: supported (general debug bit and num_of_diagnostic_counters), log_max_samples,
     * log_min_sample_period, single, repetitive, device_frequency_khz, and counters (id, name, sync, description).
     */
    public Map<String, Object> getCaps() {
        Map<String, Object> c = caps;
        if (c != null) return c;
        c = new LinkedHashMap<>();
        Value general = device.getCap().get("general").getValue().value();
        long n = general.getLong("num_of_diagnostic_counters");
        boolean debug = general.getLong("debug") != 0;
        c.put("supported", debug && n > 0);
        c.put("device_frequency_khz", general.getLong("device_frequency_khz"));
        c.put("num_of_diagnostic_counters", n);
        List<Map<String, Object>> counters = new ArrayList<>();
        if (debug) {
            Value dbg = device.getCap().get("debug").getValue().value();
            for (String f : List.of("log_max_samples", "log_min_sample_period", "single", "repetitive")) c.put(f, dbg.getLong(f));
            Object list = dbg.get("diagnostic_counter");
            if (list instanceof List<?> entries) {
                for (int i = 0; i < Math.min(n, entries.size()); i++) {
                    Value e = (Value) entries.get(i);
                    int id = (int) e.getLong("counter_id");
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", id);
                    m.put("hex", String.format("0x%04x", id));
                    m.put("name", counterName(id));
                    m.put("sync", e.getLong("sync") != 0);
                    String[] k = KNOWN.get(id);
                    m.put("description", k != null ? k[1] : "");
                    counters.add(m);
                }
            }
        }
        c.put("counters", counters);
        caps = c;
        return c;
    }

    /** The supported counter ids, from the DEBUG capability. */
    public List<Integer> getSupported() {
        List<Integer> ids = new ArrayList<>();
        for (Object o : (List<?>) getCaps().get("counters")) ids.add((Integer) ((Map<?, ?>) o).get("id"));
        return ids;
    }

    /** An aligned table of the supported counters. */
    public String capsTable() {
        Map<String, Object> c = getCaps();
        StringBuilder sb = new StringBuilder();
        sb.append("diagnostic counters: ").append(c.get("num_of_diagnostic_counters")).append(", log_max_samples ")
                .append(c.get("log_max_samples")).append(", log_min_sample_period ").append(c.get("log_min_sample_period"))
                .append(", single ").append(c.get("single")).append(", repetitive ").append(c.get("repetitive"))
                .append(", clock ").append(c.get("device_frequency_khz")).append(" kHz\n");
        for (Object o : (List<?>) c.get("counters")) {
            Map<?, ?> m = (Map<?, ?>) o;
            sb.append(String.format("  %s  %-44s %s%s%n", m.get("hex"), m.get("name"), m.get("description"),
                    Boolean.TRUE.equals(m.get("sync")) ? "" : " (no sync)"));
        }
        return sb.toString();
    }

    /**
     * Programs sampling (SET_DIAGNOSTIC_PARAMS). Options: {@code ids:} counter ids (default all supported, as many
     * as the buffer allows), {@code period:} a Duration (rounded up to a power-of-two number of device clocks) or
     * {@code log_sample_period:}, {@code samples:} buffer slots per counter (a power of two, default 64) or
     * {@code log_num_of_samples:}, {@code mode:} 'repetitive' (ring, default) or 'single', {@code sync:} (default
     * false), {@code clear:} (default true). Needs {@code withScope('debug-write')}.
     */
    public Map<String, Object> setup(Map<String, ?> opts) {
        Map<String, Object> c = getCaps();
        if (!Boolean.TRUE.equals(c.get("supported")))
            throw new FwshException("device " + device.getName() + " has no diagnostic counters (DEBUG cap or num_of_diagnostic_counters is 0)");
        Options.check(opts, "diag.setup", "ids", "period", "log_sample_period", "samples", "log_num_of_samples", "mode", "sync", "clear");
        long logMax = ((Number) c.get("log_max_samples")).longValue();
        int lns = opts.containsKey("log_num_of_samples") ? Options.integer(opts, "log_num_of_samples", 0)
                : log2Exact(Options.integer(opts, "samples", 64), "samples");
        List<Integer> ids = new ArrayList<>();
        if (opts.get("ids") != null) {
            for (Object o : Options.list(opts.get("ids"))) ids.add(parseId(o));
        } else {
            for (int id : getSupported()) if (ids.size() < (1L << Math.max(0, logMax - lns))) ids.add(id);
        }
        if (ids.isEmpty()) throw new FwshException("diag.setup: no counter ids; pass ids: [0x2006, ...] (see dev.counters.diag.caps)");
        for (int id : ids)
            if (!getSupported().contains(id))
                throw new FwshException(String.format("diag.setup: counter id 0x%04x is not in the DEBUG cap; supported: %s", id, hexList(getSupported())));
        if (lns > logMax || (1L << (logMax - lns)) < ids.size())
            throw new FwshException("diag.setup: " + ids.size() + " counters × " + (1L << lns) + " samples exceed the device buffer of 2^"
                    + logMax + " (log_max_samples); use fewer counters or samples:");
        long freq = getFrequencyKhz();
        int lsp;
        if (opts.containsKey("log_sample_period")) lsp = Options.integer(opts, "log_sample_period", 0);
        else {
            Duration p = Options.duration(opts, "period", Duration.ofNanos(ticksToNanos(1 << 10, freq)));
            double clocks = p.toNanos() * (freq / 1e6);
            lsp = Math.max(0, 64 - Long.numberOfLeadingZeros(Math.max(1, (long) Math.ceil(clocks)) - 1));
        }
        long lmin = ((Number) c.get("log_min_sample_period")).longValue();
        if (lsp < lmin) throw new FwshException("diag.setup: log_sample_period " + lsp + " is below the device minimum " + lmin);
        String mode = String.valueOf(opts.get("mode") == null ? "repetitive" : opts.get("mode"));
        if (!mode.equals("repetitive") && !mode.equals("single"))
            throw new FwshException("diag.setup: mode '" + mode + "' must be 'repetitive' or 'single'");
        boolean single = mode.equals("single");
        boolean sync = Options.bool(opts, "sync", false);
        boolean clear = Options.bool(opts, "clear", true);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("num_of_counters", ids.size());
        ctx.put("log_num_of_samples", lns);
        ctx.put("single", single ? 1 : 0);
        ctx.put("repetitive", single ? 0 : 1);
        ctx.put("sync", sync ? 1 : 0);
        ctx.put("clear", clear ? 1 : 0);
        ctx.put("enable", 1);
        ctx.put("log_sample_period", lsp);
        List<Map<String, Object>> idList = new ArrayList<>();
        for (int id : ids) idList.add(Map.of("counter_id", id));
        ctx.put("counter_id", idList);
        send(ctx);
        config = new Config(ids.stream().mapToInt(Integer::intValue).toArray(), lns, lsp, single);
        onChange.run();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ids", hexList(ids));
        r.put("log_num_of_samples", lns);
        r.put("log_sample_period", lsp);
        r.put("period_ns", getPeriod().toNanos());
        r.put("mode", mode);
        return r;
    }

    /** Stops sampling and clears the device buffer (SET_DIAGNOSTIC_PARAMS enable=0 clear=1); needs debug-write. */
    public void disable() {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("num_of_counters", 0);
        ctx.put("clear", 1);
        ctx.put("enable", 0);
        send(ctx);
        config = null;
        onChange.run();
    }

    private void send(Map<String, Object> ctx) {
        if (device.rawChannel().info().fwctlPolicy())
            warnings.accept("warning: SET_DIAGNOSTIC_PARAMS needs fwctl scope debug-write, which taints the kernel "
                    + "(TAINT_FWCTL, flag J) until reboot; sending it to " + device.getName());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("diagnostic_params_ctx", ctx);
        device.getCmd().call("SET_DIAGNOSTIC_PARAMS", in);
    }

    /** True once {@link #setup} succeeded (and {@link #disable} was not called since). */
    public boolean isConfigured() {
        return config != null;
    }

    /** The device's sample period, from the last setup. */
    public Duration getPeriod() {
        Config cf = requireConfig();
        return Duration.ofNanos(ticksToNanos(1L << cf.logSamplePeriod(), getFrequencyKhz()));
    }

    /** QUERY_DIAGNOSTIC_PARAMS as the device reports it. */
    public Map<String, Object> params() {
        Decoded d = device.getCmd().call("QUERY_DIAGNOSTIC_PARAMS", Map.of());
        return d.value().toMap();
    }

    Config requireConfig() {
        Config cf = config;
        if (cf == null) throw new FwshException("diagnostic counters are not set up; withScope('debug-write') { dev.counters.diag.setup(ids: [...]) } first");
        return cf;
    }

    /** Every sample in the device buffer, oldest first (QUERY_DIAGNOSTIC_COUNTERS over all slots). */
    public List<DiagSample> dump() {
        Config cf = requireConfig();
        return order(query(cf));
    }

    /** The reply's fields, from the catalog's query_diagnostic_counters_out (resolved on first use). */
    private DiagReply reply() {
        DiagReply r = reply;
        if (r == null) reply = r = DiagReply.of(Catalog.builtin().command("QUERY_DIAGNOSTIC_COUNTERS").out());
        return r;
    }

    /** The buffer: all slots from index 0. */
    Slots query(Config cf) {
        DiagReply r = reply();
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("num_of_samples", cf.slots());
        in.put("sample_index", 0);
        in.put("outlen", r.length(cf.ids().length * cf.slots()));
        return new Slots(device.getCmd().call("QUERY_DIAGNOSTIC_COUNTERS", in).value().bytes(), r, cf);
    }

    /** A buffer read: slot s holds one sample of each configured counter, entries s*n .. s*n+n-1 of diag_counter. */
    record Slots(byte[] b, DiagReply r, Config cf) {
        int n() {
            return cf.ids().length;
        }

        /** A slot is filled once its first entry carries a counter id. */
        boolean present(int slot) {
            int i = slot * n();
            return r.has(b, i + n() - 1) && r.counterId(b, i) != 0;
        }

        int sampleId(int slot) {
            return r.sampleId(b, slot * n());
        }

        long timestamp(int slot) {
            return r.timestamp(b, slot * n());
        }

        /** The slot of the newest sample: the last present slot whose successor is empty or not the next sample id. */
        int newest() {
            int slots = cf.slots();
            int newest = -1;
            for (int s = 0; s < slots; s++) {
                if (!present(s)) break;
                newest = s;
                int next = s + 1;
                if (next < slots && present(next) && sampleId(next) != ((sampleId(s) + 1) & 0xffff)) break;
            }
            return newest;
        }
    }

    private long lastTs = -1, epoch;

    /** Extends a 32-bit device timestamp past wraps (reads must come less than one wrap apart) and converts to ns. */
    synchronized long extend(long ts32) {
        if (lastTs >= 0 && ts32 < lastTs && lastTs - ts32 > (1L << 31)) epoch += 1L << 32;
        lastTs = ts32;
        return ticksToNanos(epoch + ts32, getFrequencyKhz());
    }

    /** Samples of the buffer in time order (oldest first), skipping empty slots. */
    List<DiagSample> order(Slots b) {
        int n = b.n();
        int newest = b.newest();
        List<DiagSample> out = new ArrayList<>();
        if (newest < 0) return out;
        int slots = b.cf().slots();
        for (int j = 1; j <= slots; j++) {
            int slot = (newest + j) % slots;
            if (!b.present(slot)) continue;
            for (int c = 0; c < n; c++) {
                int i = slot * n + c;
                int id = b.r().counterId(b.b(), i);
                long ts = b.r().timestamp(b.b(), i);
                out.add(new DiagSample(id, counterName(id), b.r().sampleId(b.b(), i), ts, extend(ts), b.r().value(b.b(), i)));
            }
        }
        return out;
    }

    /**
     * Collects every sample the device takes for {@code duration}, polling the buffer often enough that a ring
     * never laps between polls (half its span), deduplicated by sample id. Samples come with device timestamps.
     */
    public List<DiagSample> collect(Duration duration) {
        Config cf = requireConfig();
        long span = getPeriod().toNanos() * cf.slots();
        long poll = Math.max(100_000, span / 2);
        fwsh.counters.Ticker t = DeviceCounters.tickerFor(device);
        List<DiagSample> all = new ArrayList<>();
        long end = t.nanoTime() + duration.toNanos();
        java.util.concurrent.atomic.AtomicBoolean wake = new java.util.concurrent.atomic.AtomicBoolean();
        long lastNs = Long.MIN_VALUE;
        while (true) {
            List<DiagSample> batch = order(query(cf));
            long maxNs = lastNs;
            for (DiagSample s : batch)
                if (s.deviceNanos() > lastNs) {
                    all.add(s);
                    maxNs = Math.max(maxNs, s.deviceNanos());
                }
            lastNs = maxNs;
            long now = t.nanoTime();
            if (now >= end || Thread.currentThread().isInterrupted()) break;
            t.waitUntil(Math.min(end, now + poll), wake);
        }
        return all;
    }

    /** A counter source over the configured counters: each read returns the newest complete sample and its device time. */
    CounterSource source() {
        Config cf = requireConfig();
        List<CounterDef> defs = new ArrayList<>();
        for (int id : cf.ids()) {
            String[] k = KNOWN.get(id);
            defs.add(CounterDef.counter(counterName(id), "DIAG", (k != null ? k[1] : "diagnostic counter")
                    + String.format(" (diagnostic counter 0x%04x)", id), k != null ? k[2] : "", 64));
        }
        return new CounterSource() {
            @Override
            public String name() {
                return "diag";
            }

            @Override
            public List<CounterDef> counters() {
                return defs;
            }

            @Override
            public long read(int[] indices, long[] into) {
                Slots b = query(cf);
                int s = b.newest();
                if (s < 0) {
                    java.util.Arrays.fill(into, 0, indices.length, 0);
                    return NO_DEVICE_TIME;
                }
                int n = b.n();
                for (int k = 0; k < indices.length; k++) into[k] = b.r().value(b.b(), s * n + indices[k]);
                return extend(b.timestamp(s));
            }

            @Override
            public boolean hasDeviceTime() {
                return true;
            }
        };
    }

    private static int log2Exact(int v, String what) {
        if (v <= 0 || Integer.bitCount(v) != 1) throw new FwshException("diag.setup: " + what + ": " + v + " must be a power of two (1, 2, 4, ...)");
        return Integer.numberOfTrailingZeros(v);
    }

    private static int parseId(Object o) {
        if (o instanceof Number n) return n.intValue();
        String s = String.valueOf(o).trim();
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new FwshException("diag.setup: counter id '" + s + "' is not a number (e.g. 0x2006)");
        }
    }

    private static List<String> hexList(List<Integer> ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) out.add(String.format("0x%04x", id));
        return out;
    }

    @Override
    public String describe() {
        return "dev.counters.diag — diagnostic counters of " + device.getName()
                + "\n  caps / capsTable()     supported ids, buffer size, minimum period (DEBUG cap)"
                + "\n  setup(ids:, period:, samples:, mode:, sync:, clear:)   SET_DIAGNOSTIC_PARAMS; needs withScope('debug-write'),"
                + "\n                         taints the kernel on fwctl"
                + "\n  dump()                 every sample in the device buffer, oldest first, with device timestamps"
                + "\n  collect(duration)      every sample taken during the duration"
                + "\n  params()               QUERY_DIAGNOSTIC_PARAMS"
                + "\n  disable()              stop and clear (debug-write)"
                + "\n  then dev.counters.sample(['diag_tx_pipe_packets'], every: dev.counters.diag.period, ...)";
    }

    @Override
    public String toString() {
        return "DiagCounters(" + device.getName() + (config == null ? ", not set up" : ", " + config.ids().length + " counters") + ")";
    }
}
