package fwsh.counters;

/** How a counter's value behaves over time, which decides how deltas and rates are computed. */
public enum CounterKind {
    /** Monotonic event count that wraps at its width and may be cleared; deltas and rates are meaningful. */
    COUNTER,
    /** An instantaneous level (temperature, queue depth); never wraps, deltas are signed. */
    GAUGE
}
