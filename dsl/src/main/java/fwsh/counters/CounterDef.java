package fwsh.counters;

import java.util.Objects;

/**
 * One counter a source can read.
 *
 * @param name        unique, user-facing name (ethtool/mlx5e name where one exists, e.g. {@code rx_crc_errors_phy})
 * @param group       where it comes from, e.g. {@code PPCNT/ieee_802_3}, {@code QUERY_VPORT_COUNTER}, {@code MTMP}
 * @param description one line
 * @param unit        what one step counts: {@code packets}, {@code bytes}, {@code 0.125 C}, {@code device clocks}...
 * @param widthBits   1..64; COUNTER values wrap modulo 2^width
 * @param kind        COUNTER or GAUGE
 */
public record CounterDef(String name, String group, String description, String unit, int widthBits, CounterKind kind) {

    /** The definition as JSON and table printers show it: name, group, unit, kind, widthBits, description. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("group", group);
        m.put("unit", unit);
        m.put("kind", isGauge() ? "gauge" : "counter");
        m.put("widthBits", widthBits);
        m.put("description", description);
        return m;
    }

    public CounterDef {
        if (name == null || name.isBlank() || !name.equals(name.strip()) || name.indexOf(':') >= 0)
            throw new IllegalArgumentException("counter name '" + name + "' must be non-empty, without spaces at the ends or ':'");
        if (widthBits < 1 || widthBits > 64)
            throw new IllegalArgumentException("counter " + name + ": width " + widthBits + " bits is outside 1..64");
        Objects.requireNonNull(kind, "counter " + name + ": kind");
        group = group == null ? "" : group;
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
    }

    public static CounterDef counter(String name, String group, String description, String unit, int widthBits) {
        return new CounterDef(name, group, description, unit, widthBits, CounterKind.COUNTER);
    }

    public static CounterDef gauge(String name, String group, String description, String unit, int widthBits) {
        return new CounterDef(name, group, description, unit, widthBits, CounterKind.GAUGE);
    }

    /** All-ones mask of this counter's width. */
    public long mask() {
        return widthBits == 64 ? -1L : (1L << widthBits) - 1;
    }

    public boolean isGauge() {
        return kind == CounterKind.GAUGE;
    }
}
