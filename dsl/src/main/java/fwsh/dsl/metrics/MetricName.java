package fwsh.dsl.metrics;

import fwsh.counters.CounterDef;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one counter of the catalog is exposed to Prometheus: {@code fwsh_port_} or {@code fwsh_device_} (see
 * {@link Scope}) plus its ethtool/sysfs name; a COUNTER gets {@code _total} from the exposition, a GAUGE nothing. The
 * value and unit come from the counter's catalog unit: bytes stay bytes; time (s, ms, us, ns) becomes seconds,
 * temperature (°C, m°C) celsius, a percentage a ratio and MT/s transfers per second, and then the base unit is the
 * name's suffix as Prometheus and OpenMetrics require ({@code rx_prio0_pause_duration} in µs →
 * {@code fwsh_port_rx_prio0_pause_duration_seconds_total}). Units that are things counted (packets, events, bits,
 * blocks …) are no Prometheus unit and are named in the help text only.
 *
 * @param name    the metric family name, without {@code _total}
 * @param unit    the declared unit (OpenMetrics {@code # UNIT}), or null
 * @param scale   what one raw step is worth in {@code unit}
 * @param counter COUNTER (monotonic, unsigned raw value) or GAUGE (signed)
 * @param help    the catalog's description with the catalog unit
 */
public record MetricName(String name, Unit unit, double scale, boolean counter, String help) {
    private static final Unit TRANSFERS_PER_SECOND = new Unit("transfers_per_second");

    /** A catalog unit's base unit, how much one step is worth in it, and a name suffix that said the old unit. */
    private record Conversion(Unit unit, double scale, String oldSuffix) {
    }

    private static final Map<String, Conversion> CONVERSIONS = Map.ofEntries(
            Map.entry("bytes", new Conversion(Unit.BYTES, 1, null)),
            Map.entry("B", new Conversion(Unit.BYTES, 1, null)),
            Map.entry("s", new Conversion(Unit.SECONDS, 1, null)),
            Map.entry("ms", new Conversion(Unit.SECONDS, 1e-3, null)),
            Map.entry("us", new Conversion(Unit.SECONDS, 1e-6, null)),
            Map.entry("µs", new Conversion(Unit.SECONDS, 1e-6, null)),
            Map.entry("ns", new Conversion(Unit.SECONDS, 1e-9, null)),
            Map.entry("°C", new Conversion(Unit.CELSIUS, 1, null)),
            Map.entry("m°C", new Conversion(Unit.CELSIUS, 1e-3, "_mC")),
            Map.entry("%", new Conversion(Unit.RATIO, 0.01, null)),
            Map.entry("MT/s", new Conversion(TRANSFERS_PER_SECOND, 1e6, null)));

    public static MetricName of(CounterDef d) {
        String name = Scope.of(d).prefix + sanitize(d.name());
        Conversion c = CONVERSIONS.get(d.unit());
        Unit unit = null;
        String help = d.description().isEmpty() ? d.name() : d.description();
        if (c != null && c.oldSuffix() != null && name.endsWith(c.oldSuffix())) name = name.substring(0, name.length() - c.oldSuffix().length());
        if (c != null && c.unit().equals(Unit.BYTES)) {
            // bytes need no conversion: declared where the ethtool name already ends with it (rx_prio0_bytes)
            if (name.endsWith("_bytes")) unit = Unit.BYTES;
            help += " [" + d.unit() + "]";
        } else if (c != null) {
            unit = c.unit();
            if (!name.endsWith("_" + unit)) name += "_" + unit;
            help += " [" + d.unit() + " on the device, exported in " + unit + "]";
        } else if (!d.unit().isEmpty()) {
            help += " [" + d.unit() + "]";
        }
        boolean counter = !d.isGauge();
        if (counter && name.endsWith("_total")) name = name.substring(0, name.length() - "_total".length());
        return new MetricName(name, unit, c == null ? 1 : c.scale(), counter, help);
    }

    /** The exposed value of a raw reading: counters are unsigned (64-bit ones may pass Long.MAX_VALUE), gauges signed. */
    public double value(long raw) {
        double v = counter && raw < 0 ? (raw >>> 1) * 2.0 + (raw & 1) : raw;
        return v * scale;
    }

    /**
     * The counters to expose out of {@code defs}: where two map to one metric ({@code temperature} in °C and
     * {@code temperature_mC} in m°C both are {@code …_temperature_celsius}) the one with the finer unit stays.
     */
    public static List<CounterDef> exported(List<CounterDef> defs) {
        Map<String, CounterDef> byMetric = new LinkedHashMap<>();
        Map<String, Double> scale = new LinkedHashMap<>();
        for (CounterDef d : defs) {
            MetricName m = of(d);
            Double prev = scale.get(m.name());
            if (prev == null || m.scale() < prev) {
                byMetric.put(m.name(), d);
                scale.put(m.name(), m.scale());
            }
        }
        return new ArrayList<>(byMetric.values());
    }

    /** Characters outside [a-zA-Z0-9_] become '_' (ethtool and sysfs names already are plain). */
    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return sb.toString();
    }
}
