package fwsh.shell.bundle;

import java.time.Duration;
import java.util.List;

/**
 * What to collect: the counter interval, the trace capture length, the time bound of each phase (counters and trace:
 * their interval plus this) and the devices (selectors as --device takes them; empty: every device).
 */
public record BundleSettings(Duration countersOver, Duration traceFor, Duration timeout, List<String> devices) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public BundleSettings {
        devices = List.copyOf(devices);
    }
}
