package fwsh.shell.cli;

import fwsh.base.ArgumentException;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.base.FwshException;
import fwsh.dsl.engine.Privilege;
import fwsh.dsl.SessionOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Option values checked while the command line is parsed, so a bad one is a usage error (exit 2) before
 * anything runs; and the values the completion script offers for them.
 */
public final class Converters {
    private Converters() {
    }

    public static final class ScopeValue implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String text) {
            try {
                return Scope.parse(text);
            } catch (ArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class PrivilegeValue implements ITypeConverter<Privilege> {
        @Override
        public Privilege convert(String text) {
            return Privilege.of(new ScopeValue().convert(text));
        }
    }

    public static final class TransportValue implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String text) {
            for (Transport t : List.of(Transport.FWCTL, Transport.MLX5CTL)) if (t.label.equals(text)) return t;
            throw new TypeConversionException("unknown transport '" + text + "'; use fwctl or mlx5ctl");
        }
    }

    public static final class ReplayModeValue implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                return SessionOptions.checkReplayMode(text);
            } catch (FwshException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** PROFILE[:PERSONALITY],...: every profile and personality must exist; empty means the default device. */
    public static final class EmulationValue implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.isEmpty()) return text;
            try {
                return SessionOptions.checkEmulation(text);
            } catch (FwshException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    public static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.isBlank()) throw new TypeConversionException("needs a non-empty value");
            return text;
        }
    }

    public static final class NonBlankPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            return Path.of(new NonBlank().convert(text));
        }
    }

    // ---- what the completion script offers

    public static final class ScopeNames extends ArrayList<String> {
        public ScopeNames() {
            for (Scope s : Scope.values()) add(s.label);
        }
    }

    public static final class TransportNames extends ArrayList<String> {
        public TransportNames() {
            super(List.of(Transport.FWCTL.label, Transport.MLX5CTL.label));
        }
    }

    public static final class ReplayModeNames extends ArrayList<String> {
        public ReplayModeNames() {
            super(List.of("matched", "ordered"));
        }
    }

    /** Each profile alone and with each personality; listed only when iterated (picocli builds one every run). */
    public static final class EmulationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>();
            for (String p : SessionOptions.emulatorProfiles()) all.addAll(List.of(p, p + ":fwctl", p + ":mlx5ctl"));
            return all.iterator();
        }
    }

    /** 10s, 500ms, 2m, 1h, or plain seconds; positive. */
    public static final class Interval implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

        @Override
        public Duration convert(String text) {
            Matcher m = FORM.matcher(text.trim());
            if (!m.matches()) throw new TypeConversionException("'" + text + "' is not a duration such as 500ms, 10s or 2m");
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double ms = n * switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1_000;
            };
            if (ms < 1) throw new TypeConversionException("'" + text + "' must be at least 1ms");
            return Duration.ofMillis((long) ms);
        }
    }
}
