package fwsh.shell;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Locale;

/** --format: how results are printed. */
public enum Format {
    TABLE, JSON, CSV;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option's converter: a bad name is a usage error listing the good ones. */
    public static final class Value implements ITypeConverter<Format> {
        @Override
        public Format convert(String text) {
            for (Format f : values()) if (f.name().equalsIgnoreCase(text)) return f;
            throw new TypeConversionException("unknown format '" + text + "'; use table, json or csv");
        }
    }

    /** What the completion script offers. */
    public static final class Names extends ArrayList<String> {
        public Names() {
            for (Format f : values()) add(f.toString());
        }
    }
}
