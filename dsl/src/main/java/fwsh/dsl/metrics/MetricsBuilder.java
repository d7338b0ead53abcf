package fwsh.dsl.metrics;

import fwsh.channel.DeviceInfo;
import fwsh.counters.CounterDef;
import fwsh.counters.Snapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects data points into the Prometheus client's metrics model (one family per metric name, any number of
 * devices and ports), which its writers turn into text or OpenMetrics exposition. Not thread-safe: one per scrape.
 */
public final class MetricsBuilder {
    private record Point(Labels labels, double value) {
    }

    private record Family(MetricName name, List<Point> points) {
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final List<Labels> infos = new ArrayList<>();
    private final List<MetricSnapshot> extra = new ArrayList<>();

    public MetricsBuilder add(MetricName m, Labels labels, long raw) {
        families.computeIfAbsent(m.name(), k -> new Family(m, new ArrayList<>())).points().add(new Point(labels, m.value(raw)));
        return this;
    }

    /** Every exported counter of one port's snapshot, labelled by device or port (see {@link Scope}). */
    public MetricsBuilder add(Snapshot s, DeviceInfo device, int port) {
        List<CounterDef> defs = s.defs();
        for (CounterDef d : MetricName.exported(defs)) {
            add(MetricName.of(d), DeviceLabels.of(device, port, Scope.of(d)), s.value(defs.indexOf(d)));
        }
        return this;
    }

    /** {@code fwsh_device_info{device, pci, fw, psid, transport, profile} 1}: who the device is. */
    public MetricsBuilder info(DeviceInfo device, String fw, String psid) {
        Labels l = DeviceLabels.of(device).add("fw", fw == null ? "" : fw).add("psid", psid == null ? "" : psid)
                .add("transport", DeviceLabels.transport(device)).add("profile", device.profile() == null ? "" : device.profile());
        infos.add(l);
        return this;
    }

    /** A family made elsewhere (the exporter's own scrape metrics). */
    public MetricsBuilder add(MetricSnapshot s) {
        extra.add(s);
        return this;
    }

    public MetricSnapshots build() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        extra.forEach(out::metricSnapshot);
        if (!infos.isEmpty()) {
            InfoSnapshot.Builder b = InfoSnapshot.builder().name("fwsh_device")
                    .help("Identity of the device: firmware version and PSID (MGIR), transport, emulator profile (empty on hardware)");
            infos.forEach(l -> b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(l).build()));
            out.metricSnapshot(b.build());
        }
        for (Family f : families.values()) {
            MetricName m = f.name();
            if (m.counter()) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(m.name()).help(m.help());
                if (m.unit() != null) b.unit(m.unit());
                for (Point p : f.points()) b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(p.value()).labels(p.labels()).build());
                out.metricSnapshot(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(m.name()).help(m.help());
                if (m.unit() != null) b.unit(m.unit());
                for (Point p : f.points()) b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(p.value()).labels(p.labels()).build());
                out.metricSnapshot(b.build());
            }
        }
        return out.build();
    }
}
