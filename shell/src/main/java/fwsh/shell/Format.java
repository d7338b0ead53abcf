package fwsh.shell;

import java.util.Locale;

/** --format: how results are printed. */
public enum Format {
    TABLE, JSON, CSV;

    static Format parse(String text) {
        for (Format f : values()) if (f.name().equalsIgnoreCase(text)) return f;
        throw new UsageException("unknown format '" + text + "'; use table, json or csv");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
