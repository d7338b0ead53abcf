package fwsh.dsl.counters;

import fwsh.base.FwshException;
import fwsh.channel.ScopeNotAllowedException;
import fwsh.counters.Breach;
import fwsh.counters.CompositeSource;
import fwsh.counters.CounterDef;
import fwsh.counters.CounterSelection;
import fwsh.counters.CounterSource;
import fwsh.counters.Delta;
import fwsh.counters.Rates;
import fwsh.counters.SampleFormat;
import fwsh.counters.SampleSeries;
import fwsh.counters.Sampler;
import fwsh.counters.Snapshot;
import fwsh.counters.Ticker;
import fwsh.counters.Watch;
import fwsh.dsl.engine.Describable;
import fwsh.dsl.engine.OutputMode;
import fwsh.dsl.engine.DeviceAccess;
import fwsh.dsl.engine.FirmwareStatusException;
import fwsh.dsl.engine.Register;
import fwsh.wire.Field;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code dev.counters}: every counter of one device port by name — PPCNT (all groups the port answers, ethtool
 * names where they exist), QUERY_VPORT_COUNTER, QUERY_CONG_STATISTICS, MTMP temperatures and, once set up, the
 * diagnostic counters. Every method takes {@code port: N} (default 1).
 * <pre>
 * dev.counters.list('crc')
 * def a = dev.counters.snapshot(); ...; def b = dev.counters.snapshot(); a.delta(b).table()
 * dev.counters.rates(over: 1.s).table(false)
 * dev.counters.sample(['rx_bytes_phy'], every: 1.ms, for: 5.s, to: 'rx.csv')
 * dev.counters.watch("'rx_crc_errors_phy' rate > 0", 'temperature > 70', every: 1.s, for: 1.min).exitStatus()
 * </pre>
 */
public class DeviceCounters implements Describable {
    /** Firmware statuses that mean "this device has no such thing" (cmd_status bad_op, bad_param). */
    static final int BAD_OP = 0x2, BAD_PARAM = 0x3;
    private final DeviceAccess device;
    private final Map<Integer, CompositeSource> byPort = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> skipped = new ConcurrentHashMap<>();
    private final DiagCounters diag;

    public DeviceCounters(DeviceAccess device) {
        this.device = device;
        this.diag = new DiagCounters(device, byPort::clear);
    }

    protected DeviceAccess device() {
        return device;
    }

    /** The diagnostic counters (caps, setup, dump). */
    public DiagCounters getDiag() {
        return diag;
    }

    /** The device's time: its virtual clock when it has one, else a real-time ticker (a new one: it adapts per user). */
    static Ticker tickerFor(DeviceAccess device) {
        return DeviceTicker.of(device);
    }

    // ---- sources -------------------------------------------------------------------------------------------

    /**
     * All counters of a port behind one name space, built on first use: each source is probed with one read. The
     * probes run outside any lock, and the result is kept for the session only when every source either answered or
     * was refused by the firmware as unsupported (BAD_OP, BAD_PARAM, or an opcode the transport never allows); after
     * a transient failure (a timeout, a busy device) the port is probed again on its next use, so a counter group is
     * not hidden until the session ends.
     */
    public CompositeSource source(int port) {
        if (port < 1 || port > 255) throw new FwshException("port: " + port + " is not a local port number (1, 2, ...)");
        CompositeSource cached = byPort.get(port);
        if (cached != null) return cached;
        Built b = build(port);
        skipped.put(port, b.skipped());
        if (!b.complete()) return b.source();
        CompositeSource first = byPort.putIfAbsent(port, b.source());
        return first != null ? first : b.source();
    }

    public CompositeSource source(Map<String, ?> opts) {
        return source(Options.port(opts));
    }

    /** Sources the port did not answer (group not supported, command refused), one line each. */
    public List<String> skipped(int port) {
        source(port);
        return skipped.getOrDefault(port, List.of());
    }

    /** A port's sources; {@code complete} when no probe failed for a reason that may go away. */
    private record Built(CompositeSource source, List<String> skipped, boolean complete) {
    }

    private Built build(int port) {
        List<CounterSource> sources = new ArrayList<>();
        Probes probes = new Probes();
        Set<String> taken = new HashSet<>();
        Register ppcnt = device.getReg().get("PPCNT");
        Field counterSet = ppcnt.getLayout().field("counter_set");
        Map<String, Long> groups = ppcnt.getLayout().field("grp").enumValues();
        for (Field member : counterSet.layout().namedFields()) {
            if (member.layout() == null || member.when().isEmpty()) continue;
            String group = member.when().get(0);
            if (!groups.containsKey(group)) continue;
            boolean perPrio = PpcntGroupSource.PER_PRIO.contains(group) || PpcntGroupSource.PER_TC.contains(group);
            List<PpcntGroupSource> set = new ArrayList<>();
            Set<String> names = new HashSet<>(taken);
            for (int p = perPrio ? 0 : -1; p < (perPrio ? 8 : 0); p++)
                set.add(new PpcntGroupSource(ppcnt, port, group, member.layout(), p, names));
            if (probes.answers(set.get(0), "PPCNT " + group)) {
                taken.addAll(names);
                sources.addAll(set);
            }
        }
        Register mpcnt = device.getReg().get("MPCNT");
        Field pcie = mpcnt.getLayout().field("counter_set").layout().namedFields().get(0);
        Set<String> pcieNames = new HashSet<>(taken);
        PpcntGroupSource pcieCounters = PpcntGroupSource.mpcnt(mpcnt, pcie.when().get(0), pcie.layout(), pcieNames);
        if (probes.answers(pcieCounters, "MPCNT " + pcie.when().get(0))) {
            taken.addAll(pcieNames);
            sources.add(pcieCounters);
        }
        CommandSource vport = CommandSource.vport(device.getCmd(), port);
        if (probes.answers(vport, "QUERY_VPORT_COUNTER")) sources.add(vport);
        long freq = 0;
        try {
            freq = device.getCap().get("general").getValue().value().getLong("device_frequency_khz");
        } catch (RuntimeException e) {
            probes.failed("device_frequency_khz", e, " (congestion statistics without device time)");
        }
        CommandSource cong = CommandSource.congestion(device.getCmd(), freq);
        if (probes.answers(cong, "QUERY_CONG_STATISTICS")) sources.add(cong);
        Register mtmp = device.getReg().get("MTMP");
        MtmpSource asic = new MtmpSource(mtmp, 0, "", "ASIC");
        if (probes.answers(asic, "MTMP ASIC")) sources.add(asic);
        int module = port - 1; // module N sits at sensor 64+N; ports map 1:1 to modules on these adapters
        MtmpSource mod = new MtmpSource(mtmp, 64 + module, "module_", "module " + module);
        if (probes.answers(mod, "MTMP module " + module)) sources.add(mod);
        if (diag.isConfigured()) sources.add(diag.source());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("device", device.getName());
        labels.put("port", Integer.toString(port));
        return new Built(new CompositeSource(sources, labels), List.copyOf(probes.skip), probes.complete);
    }

    /** One read of each source; what did not answer becomes a line, and a failure that may pass marks the build incomplete. */
    private static final class Probes {
        final List<String> skip = new ArrayList<>();
        boolean complete = true;

        boolean answers(CounterSource s, String what) {
            try {
                s.read(new int[0], new long[0]);
                return true;
            } catch (RuntimeException e) {
                failed(what, e, "");
                return false;
            }
        }

        void failed(String what, RuntimeException e, String note) {
            boolean unsupported = unsupported(e);
            if (!unsupported) complete = false;
            skip.add(what + ": " + e.getMessage() + note + (unsupported ? "" : " (probed again on next use)"));
        }
    }

    /** The device said it does not have this (BAD_OP, BAD_PARAM) or the transport never allows the opcode: worth remembering. */
    static boolean unsupported(RuntimeException e) {
        if (e instanceof FirmwareStatusException f) return f.getStatus() == BAD_OP || f.getStatus() == BAD_PARAM;
        return e instanceof ScopeNotAllowedException;
    }

    // ---- listing -------------------------------------------------------------------------------------------

    public CounterList list() {
        return list(Map.of(), null);
    }

    /** Counters whose name, group or description contains {@code filter} (case-insensitive). */
    public CounterList list(String filter) {
        return list(Map.of(), filter);
    }

    public CounterList list(Map<String, ?> opts) {
        return list(opts, null);
    }

    public CounterList list(Map<String, ?> opts, String filter) {
        Options.check(opts, "list", "port");
        CompositeSource s = source(opts);
        return new CounterList(filter == null ? s.list() : s.list(filter));
    }

    /** The definition of one counter (unknown names get "did you mean"). */
    public CounterDef def(String name) {
        return source(1).def(name);
    }

    // ---- snapshots, deltas, rates --------------------------------------------------------------------------

    public Snapshot snapshot() {
        return snapshot(Map.of(), null);
    }

    public Snapshot snapshot(Collection<String> names) {
        return snapshot(Map.of(), names);
    }

    public Snapshot snapshot(String... names) {
        return snapshot(Map.of(), List.of(names));
    }

    public Snapshot snapshot(Map<String, ?> opts) {
        return snapshot(opts, null);
    }

    /** Reads the named counters (all when none) once; one RPC per source involved. */
    public Snapshot snapshot(Map<String, ?> opts, Collection<String> names) {
        Options.check(opts, "snapshot", "port");
        return Snapshot.take(selection(opts, names), tickerFor(device));
    }

    CounterSelection selection(Map<String, ?> opts, Collection<String> names) {
        CompositeSource s = source(opts);
        return names == null || names.isEmpty() ? s.selectAll() : s.select(names);
    }

    /** What changed from {@code a} to {@code b} (same as {@code a.delta(b)}): wrap-safe, clear-aware. */
    public Delta delta(Snapshot a, Snapshot b) {
        return a.delta(b);
    }

    public Rates rates() {
        return rates(Map.of(), null);
    }

    public Rates rates(Map<String, ?> opts) {
        return rates(opts, null);
    }

    /** Per-second rates over {@code over:} (default 1 s): two snapshots that far apart. */
    public Rates rates(Map<String, ?> opts, Collection<String> names) {
        return interval(opts, names, "rates").rates();
    }

    public List<Delta.Change> top(int n) {
        return top(Map.of(), n);
    }

    /** The {@code n} counters that changed most over {@code over:} (default 1 s). */
    public List<Delta.Change> top(Map<String, ?> opts, int n) {
        return interval(opts, null, "top").top(n);
    }

    /** Two snapshots {@code over:} apart (default 1 s); Ctrl-C while waiting ends the wait early. */
    public Delta interval(Map<String, ?> opts, Collection<String> names, String method) {
        Options.check(opts, method, "port", "over");
        Duration over = Options.duration(opts, "over", Duration.ofSeconds(1));
        if (over.isNegative() || over.isZero()) throw new FwshException(method + ": over: must be a positive duration, e.g. 1.s");
        CounterSelection sel = selection(opts, names);
        Ticker t = tickerFor(device);
        Snapshot a = Snapshot.take(sel, t);
        t.waitUntil(a.hostNanos() + over.toNanos(), new AtomicBoolean());
        while (t.nanoTime() < a.hostNanos() + over.toNanos() && !Thread.currentThread().isInterrupted())
            t.waitUntil(a.hostNanos() + over.toNanos(), new AtomicBoolean());
        return a.delta(Snapshot.take(sel, t));
    }

    // ---- sampling and watching -----------------------------------------------------------------------------

    public SampleSeries sample(Collection<String> names) {
        return sample(Map.of(), names);
    }

    /**
     * Samples {@code names} on a dedicated thread. Options: {@code every:} period (default 1 ms; for diagnostic
     * counters alone, the device's sample period), {@code for:} duration (default until Ctrl-C), {@code to:} a
     * .csv or .jsonl file written as it goes, {@code format:} csv|jsonl, {@code ring:} samples kept in memory,
     * {@code nice:} thread nice value, {@code port:}. Ctrl-C stops it cleanly and returns what was taken.
     */
    public SampleSeries sample(Map<String, ?> opts, Collection<String> names) {
        try (Sampler s = sampler(opts, names)) {
            return s.await();
        }
    }

    /** The sampler {@link #sample} runs, built but not started (for callers that start/stop it themselves). */
    public Sampler sampler(Map<String, ?> opts, Collection<String> names) {
        Options.check(opts, "sample", "port", "every", "for", "to", "format", "ring", "nice");
        CounterSelection sel = selection(opts, names);
        Duration dflt = Duration.ofMillis(1);
        if (diag.isConfigured() && sel.defs().stream().allMatch(d -> d.group().equals("DIAG"))) {
            Duration p = diag.getPeriod();
            dflt = p.toNanos() < 100_000 ? Duration.ofNanos(100_000) : p;
        }
        Sampler.Builder b = Sampler.builder(sel).every(Options.duration(opts, "every", dflt)).ticker(tickerFor(device));
        if (opts.get("for") != null) b.duration(Options.duration(opts, "for", null));
        if (opts.get("to") != null) {
            Path p = Path.of(String.valueOf(opts.get("to")));
            if (opts.get("format") != null) b.file(p, format(String.valueOf(opts.get("format"))));
            else b.file(p);
        }
        if (opts.get("ring") != null) b.ring(Options.integer(opts, "ring", 0));
        if (opts.get("nice") != null) b.nice(Options.integer(opts, "nice", 0));
        return b.build();
    }

    private static SampleFormat format(String f) {
        for (SampleFormat s : SampleFormat.values()) if (s.name().equalsIgnoreCase(f)) return s;
        throw new FwshException("format: '" + f + "' is not one of " + List.of(SampleFormat.values()).toString().toLowerCase());
    }

    public Watch watch(String... rules) {
        return watch(Map.of(), List.of(rules));
    }

    public Watch watch(Map<String, ?> opts, String... rules) {
        return watch(opts, List.of(rules));
    }

    /**
     * Watches thresholds ({@code 'rx_crc_errors_phy' rate > 0}, {@code temperature > 70}) every {@code every:}
     * (default 1 s) for {@code for:} (default until Ctrl-C). Each breach is one line ({@code BREACH <time> <rule>:
     * ...}) to {@code out:} (a closure, PrintStream, Writer or null for none; default the script's output); {@code show:} adds
     * counters to the live view. Returns the Watch: {@code exitStatus()} is 0 when nothing breached, 3 otherwise.
     */
    public Watch watch(Map<String, ?> opts, List<String> rules) {
        Options.check(opts, "watch", "port", "every", "for", "out", "show");
        // breach lines are for a person: on stderr when a program reads stdout (--format json/csv)
        Consumer<Breach> sink = breachSink(opts.containsKey("out") ? opts.get("out")
                : OutputMode.structured() ? OutputMode.diagnostics() : device().output());
        List<String> show = new ArrayList<>();
        if (opts.get("show") != null) for (Object o : Options.list(opts.get("show"))) show.add(String.valueOf(o));
        Watch w = Watch.of(source(opts), rules, show, sink);
        Sampler.Builder b = w.sampler(Options.duration(opts, "every", Duration.ofSeconds(1))).ticker(tickerFor(device));
        if (opts.get("for") != null) b.duration(Options.duration(opts, "for", null));
        Consumer<List<String>> view = device().liveView();
        if (view != null) b.listener(new LiveView(w, view));
        try {
            b.run();
        } finally {
            if (view != null) view.accept(List.of());
        }
        return w;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Consumer<Breach> breachSink(Object out) {
        if (out == null) return null;
        if (out instanceof PrintStream ps) return b -> ps.println(b);
        if (out instanceof groovy.lang.Closure c) return b -> c.call(b.toString());
        if (out instanceof Consumer c) return b -> c.accept(b.toString());
        if (out instanceof java.io.Writer wr) return b -> {
            try {
                wr.write(b + System.lineSeparator());
                wr.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        throw new FwshException("watch: out: must be a closure, a PrintStream or a Writer, not " + out.getClass().getSimpleName());
    }

    // ---- export and clearing -------------------------------------------------------------------------------

    public String prometheus() {
        return prometheus(Map.of(), null);
    }

    /**
     * One snapshot in Prometheus text exposition, named and labelled as {@code fwsh serve} serves it (the Prometheus
     * client's model and writer: {@link fwsh.dsl.metrics.MetricsBuilder}); {@code format: 'openmetrics'} for OpenMetrics.
     */
    public String prometheus(Map<String, ?> opts, Collection<String> names) {
        Options.check(opts, "prometheus", "port", "format");
        Object format = opts.get("format");
        if (format != null && !format.equals("text") && !format.equals("openmetrics"))
            throw new FwshException("prometheus: format: '" + format + "' is not text or openmetrics");
        int port = Options.port(opts);
        var metrics = new fwsh.dsl.metrics.MetricsBuilder().add(snapshot(Map.of("port", port), names), device.rawChannel().info(), port).build();
        return "openmetrics".equals(format) ? fwsh.dsl.metrics.Exposition.openMetrics(metrics) : fwsh.dsl.metrics.Exposition.text(metrics);
    }

    public void clear(String group) {
        clear(Map.of(), group);
    }

    /**
     * Clears a PPCNT group ({@code 'ieee_802_3'}, {@code 'per_priority'} — all eight priorities — or {@code 'all'})
     * with a PPCNT write, clr=1. It changes device state: wrap it in {@code withScope('configuration') { }}.
     * Deltas across the clear are flagged {@code cleared}.
     */
    public void clear(Map<String, ?> opts, String group) {
        Options.check(opts, "clear", "port");
        int port = Options.port(opts);
        Register ppcnt = device.getReg().get("PPCNT");
        if ("all".equals(group)) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("local_port", port);
            w.put("grp", "all");
            w.put("clr", 1);
            ppcnt.write(w);
            return;
        }
        boolean any = false;
        for (CounterSource s : source(port).sources())
            if (s instanceof PpcntGroupSource g && g.group().equals(group)) {
                g.clear();
                any = true;
            }
        if (!any) {
            List<String> groups = new ArrayList<>();
            for (CounterSource s : source(port).sources())
                if (s instanceof PpcntGroupSource g && !groups.contains(g.group())) groups.add(g.group());
            groups.add("all");
            throw new FwshException("clear: no PPCNT group '" + group + "' on port " + port + Options.didYouMean(group, groups)
                    + "; groups: " + String.join(", ", groups));
        }
    }

    @Override
    public String describe() {
        return "dev.counters — counters of " + device.getName() + " by name (all methods take port: N, default 1)"
                + "\n  list() / list('crc')                       counters with group, unit and description"
                + "\n  snapshot([names])                          one read of each source involved"
                + "\n  delta(a, b) / a.delta(b)                   wrap-safe, clear-aware changes; .table(), .top(n), .rates()"
                + "\n  rates(over: 1.s) / top(n, over: 1.s)       per-second rates / largest changes"
                + "\n  sample(names, every: 1.ms, for: 5.s, to: 'f.csv', ring: N)   sampler thread; Ctrl-C stops it"
                + "\n  watch(\"'rx_crc_errors_phy' rate > 0\", every: 1.s, for: 1.min)   breach lines; exitStatus()"
                + "\n  prometheus() / prometheus(format: 'openmetrics')   exposition, as fwsh serve names it"
                + "\n  clear('ieee_802_3' | 'all')                PPCNT clr; needs withScope('configuration')"
                + "\n  diag                                       diagnostic counters (caps, setup, dump)";
    }

    @Override
    public String toString() {
        return "DeviceCounters(" + device.getName() + ")";
    }
}
