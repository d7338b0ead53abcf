package fwsh.shell.serve;

import fwsh.channel.DeviceGoneException;
import fwsh.channel.DeviceInfo;
import fwsh.counters.CompositeSource;
import fwsh.counters.CounterDef;
import fwsh.counters.CounterSelection;
import fwsh.counters.CounterSource;
import fwsh.dsl.Device;
import fwsh.dsl.metrics.DeviceLabels;
import fwsh.dsl.metrics.MetricName;
import fwsh.dsl.metrics.MetricsBuilder;
import fwsh.dsl.metrics.Scope;
import io.prometheus.metrics.model.snapshots.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One device as the exporter reads it: per port and counter source (one PPCNT group, MPCNT, QUERY_VPORT_COUNTER …)
 * a prepared selection of the counters the {@link Selection} wants, each one RPC per read. Reads are single-flight:
 * scrapes that arrive while a read is in flight get that read, so concurrent scrapes never multiply RPCs.
 */
final class DeviceReader {
    /** One source of one port: its prepared read and, per counter, the metric and labels it is exposed as. */
    private record Part(CounterSelection selection, MetricName[] metrics, Labels[] labels) {
    }

    /** What one read gave: values per part (null where the part failed), failures, the time it took. */
    record Reading(long[][] values, int failed, String firstFailure, double seconds) {
    }

    final Device device;
    final DeviceInfo info;
    final Labels labels;
    private final String fw;
    private final String psid;
    private final List<Part> parts = new ArrayList<>();
    /** Every counter the device has, selected or not (to tell a mistyped --include/--exclude pattern). */
    private final java.util.Set<String> available = new java.util.LinkedHashSet<>();
    private final Object lock = new Object();
    private CompletableFuture<Reading> inFlight;
    private volatile boolean gone;

    /** Prepares the reads (each source was probed once by dev.counters, so unsupported groups are left out). */
    DeviceReader(Device device, Selection selection) {
        this.device = device;
        this.info = device.rawChannel().info();
        this.labels = DeviceLabels.of(info);
        Map<String, Object> id = device.firmwareIdentity();
        this.fw = (String) id.get("fw_version");
        this.psid = id.get("psid") == null ? null : String.valueOf(id.get("psid"));
        int ports = ports(device, info);
        for (int port = 1; port <= ports; port++) {
            CompositeSource all = device.getCounters().source(port);
            for (CounterSource s : all.sources()) add(all, s, port, selection);
        }
        PcieLinkSource link = new PcieLinkSource(device.getReg());
        if (link.counters().stream().anyMatch(selection::wants)) {
            try {
                link.read(new int[0], new long[0]);
                CompositeSource one = new CompositeSource(List.of(link));
                add(one, link, 1, selection);
            } catch (RuntimeException e) {
                if (gone(e)) throw e;
                // no MPEIN on this device: no PCIe link gauges
            }
        }
    }

    private void add(CompositeSource all, CounterSource s, int port, Selection selection) {
        List<CounterDef> wanted = new ArrayList<>();
        for (CounterDef d : s.counters()) available.add(d.name());
        for (CounterDef d : MetricName.exported(s.counters()))
            if (selection.wants(d) && (port == 1 || Scope.of(d) == Scope.PORT)) wanted.add(d);
        if (wanted.isEmpty()) return;
        MetricName[] m = new MetricName[wanted.size()];
        Labels[] l = new Labels[wanted.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = MetricName.of(wanted.get(i));
            l[i] = DeviceLabels.of(info, port, Scope.of(wanted.get(i)));
        }
        parts.add(new Part(all.select(wanted.stream().map(CounterDef::name).toList()), m, l));
    }

    /** Ports: as many as the PCI function has netdevs or the device reports (cap num_ports), at least one. */
    private static int ports(Device d, DeviceInfo info) {
        int n = Math.max(1, info.netdevs().size());
        try {
            n = Math.max(n, (int) d.getCap().get("general").getValue().value().getLong("num_ports"));
        } catch (RuntimeException e) {
            if (gone(e)) throw e;
        }
        return n;
    }

    /** Series one read gives: {port series of port 1, device series}. */
    int[] seriesCount() {
        int port = 0, dev = 0;
        for (Part p : parts)
            for (Labels l : p.labels()) {
                if (!l.contains("port")) dev++;
                else if (l.get("port").equals("1")) port++;
            }
        return new int[]{port, dev};
    }

    /** The names of every counter the device has, for checking --include and --exclude patterns. */
    java.util.Set<String> available() {
        return available;
    }

    boolean isGone() {
        return gone;
    }

    /**
     * The read in flight, or a new one on {@code pool}: one per device at a time, however many scrapes ask.
     * {@code done} is told of each read that finishes (once, whatever number of scrapes share it).
     */
    CompletableFuture<Reading> read(Executor pool, ReadListener done) {
        CompletableFuture<Reading> f;
        synchronized (lock) {
            if (inFlight != null) return inFlight;
            f = inFlight = new CompletableFuture<>();
        }
        pool.execute(() -> {
            try {
                Reading r = readNow();
                done.read(this, r);
                f.complete(r);
            } catch (Throwable t) {
                done.failed(this, t);
                f.completeExceptionally(t);
            } finally {
                synchronized (lock) {
                    inFlight = null;
                }
            }
        });
        return f;
    }

    interface ReadListener {
        void read(DeviceReader r, Reading reading);

        void failed(DeviceReader r, Throwable t);
    }

    /** One RPC per part; a part that fails is left out of this reading, a removed device fails the whole read. */
    private Reading readNow() {
        long t0 = System.nanoTime();
        long[][] values = new long[parts.size()][];
        int failed = 0;
        String first = null;
        for (int i = 0; i < values.length; i++) {
            CounterSelection s = parts.get(i).selection();
            long[] v = new long[s.size()];
            try {
                s.read(v);
                values[i] = v;
            } catch (RuntimeException e) {
                if (gone(e)) {
                    gone = true;
                    throw e;
                }
                failed++;
                if (first == null) first = s.defs().get(0).group() + ": " + e.getMessage();
            }
        }
        return new Reading(values, failed, first, (System.nanoTime() - t0) / 1e9);
    }

    /** Adds a reading's series and the device's identity. */
    void addTo(MetricsBuilder b, Reading r) {
        b.info(info, fw, psid);
        for (int i = 0; i < parts.size(); i++) {
            long[] v = r.values()[i];
            if (v == null) continue;
            Part p = parts.get(i);
            for (int k = 0; k < v.length; k++) b.add(p.metrics()[k], p.labels()[k], v[k]);
        }
    }

    static boolean gone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof DeviceGoneException) return true;
        return false;
    }

    @Override
    public String toString() {
        return info.name() + " (" + (info.pci() == null ? "-" : info.pci()) + ")";
    }
}
