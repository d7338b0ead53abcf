package fwsh.counters;

import fwsh.base.ArgumentException;

import java.nio.file.Path;
import java.util.Locale;

/** File formats for sample streams. */
public enum SampleFormat {
    /** Header row {@code t_ns[,device_ns],<name>...}, then one row per sample. */
    CSV,
    /** One JSON object per line: {@code {"t_ns":..,["device_ns":..,]"<name>":value,...}}. */
    JSON_LINES;

    /** By extension: .csv → CSV, .jsonl/.json/.ndjson → JSON lines; anything else is refused with one line. */
    public static SampleFormat forPath(Path path) {
        String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return JSON_LINES;
        throw new ArgumentException("cannot tell the format of " + path.getFileName() + "; name it *.csv or *.jsonl");
    }
}
