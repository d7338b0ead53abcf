package fwsh.shell.bundle;

import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.dsl.NoUsableDeviceException;
import fwsh.dsl.SessionOptions;
import fwsh.dsl.UnreadableRecordingException;
import fwsh.shell.cli.Converters;
import fwsh.shell.cli.DeviceSourceOptions;
import fwsh.shell.cli.ErrorReport;
import fwsh.shell.cli.ExitCode;
import fwsh.shell.cli.Signals;
import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code fwsh bundle}: one read-only tar.gz for support, with a recording that replays (see the README). */
@Command(name = "bundle", sortOptions = false,
        description = {"Collects everything support needs from every device into one tar.gz: identity and discovery,"
                + " capabilities, every register the device answers, NV configuration, counters with rates, a firmware trace,"
                + " the resource-dump menu and segments, link and PCIe health, journal lines, and a recording of every RPC"
                + " it made, so that fwsh --replay BUNDLE.tar.gz runs any script against the device as it was. Reads only;"
                + " never takes the tracer from its owner. Ctrl-C or SIGTERM still writes a valid, partial bundle."},
        customSynopsis = {"fwsh bundle [OPTIONS]"},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExit status:%n",
        footer = {"  0 complete bundle written, 1 partial bundle written (its manifest lists what is missing) or no bundle",
                "  (no usable device, the file cannot be written), 2 usage error, 130 interrupted (a partial bundle is written)"})
public final class BundleCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", order = 1, converter = Converters.NonBlankPath.class,
            description = "the bundle to write (default fwsh-bundle-HOST-YYYYMMDD-HHMMSS.tar.gz in the current folder)")
    Path output;

    @Option(names = "--counters-over", paramLabel = "DURATION", order = 6, converter = Converters.Interval.class,
            description = "read every counter twice this far apart, for rates (default 10s)")
    Duration countersOver = BundleSettings.DEFAULT_INTERVAL;

    @Option(names = "--trace-for", paramLabel = "DURATION", order = 7, converter = Converters.Interval.class,
            description = "capture the firmware trace this long where a tracer is free (default 10s)")
    Duration traceFor = BundleSettings.DEFAULT_INTERVAL;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 8, converter = Converters.Interval.class,
            description = "the longest one phase of one device may take (counters and trace: their interval plus this); a phase"
                    + " that overruns is listed as missing (default 60s)")
    Duration timeout = BundleSettings.DEFAULT_TIMEOUT;

    @Option(names = "--device", paramLabel = "DEV", order = 2, converter = Converters.NonBlank.class,
            description = "bundle only this device (index, name, PCI address, netdev or RDMA name, node path); repeatable (default: all)")
    List<String> devices = new ArrayList<>();

    @Mixin
    final DeviceSourceOptions source = new DeviceSourceOptions();

    @Option(names = "--transport", paramLabel = "T", order = 5, converter = Converters.TransportValue.class,
            completionCandidates = Converters.TransportNames.class, description = "fwctl or mlx5ctl: use only devices of this kernel interface")
    Transport transport;

    @Option(names = "--scope", paramLabel = "CEILING", order = 9, converter = BundleValues.ReadOnlyScope.class,
            completionCandidates = Converters.ScopeNames.class, description = "only debug-read-only (the default): a bundle never writes")
    Scope scope;

    @Option(names = {"-v", "--verbose"}, order = 10, arity = "0", description = "stack traces for errors")
    boolean verbose;

    @Option(names = {"-h", "--help"}, order = 11, arity = "0", usageHelp = true, description = "print this help and exit")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Streams io;
    private final SessionOptions base;
    private final boolean terminal;

    /** {@code terminal}: stderr is a terminal, so progress is one rewritten line. */
    public BundleCommand(Streams io, SessionOptions base,
                         boolean terminal) {
        this.io = io;
        this.base = base;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        source.check();
        if (source.replay != null && !Files.isRegularFile(source.replay)) throw new UsageException("no recording '" + source.replay + "'");
        Path out = output != null ? output : Bundle.defaultFile(Path.of(""));
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UsageException("-o " + out + ": no folder " + dir + " to write the bundle in");
        if (Files.isDirectory(out)) throw new UsageException("-o " + out + " is a folder; give a file name such as support.tar.gz");

        Bundle bundle = new Bundle(sessionOptions(), new BundleSettings(countersOver, traceFor, timeout, devices),
                new Progress(io.err(), terminal));
        Signals.on("INT", bundle::interrupt);
        Signals.on("TERM", bundle::interrupt);
        Bundle.Result r;
        try {
            r = bundle.write(out, List.of(spec.commandLine().getParseResult().originalArgs().toArray(new String[0])));
        } catch (NoUsableDeviceException e) {
            io.err().println("error: " + e.summary());
            e.report().forEach(l -> io.err().println("  " + l));
            io.err().println("To bundle the emulated ConnectX instead (not hardware), add --emulate: fwsh bundle --emulate");
            return ExitCode.ERROR;
        } catch (UnreadableRecordingException e) {
            io.err().println(ErrorReport.oneLine(e));
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            io.err().println(ErrorReport.oneLine(e));
            if (verbose) io.err().print(ErrorReport.stackTrace(e));
            return ExitCode.ERROR;
        }
        io.err().println(summary(r));
        io.out().println(out);
        return r.status();
    }

    static String summary(Bundle.Result r) {
        Map<String, Object> m = r.manifest();
        int files = ((List<?>) m.get("files")).size() + 1;
        int skipped = ((List<?>) m.get("skipped")).size();
        List<?> missing = (List<?>) m.get("missing");
        String state = r.complete() ? "complete" : "PARTIAL, " + missing.size() + " part" + (missing.size() == 1 ? "" : "s")
                + " missing (see manifest.json)" + (r.status() == ExitCode.INTERRUPTED ? ", interrupted" : "");
        return "fwsh bundle: wrote " + r.file() + ": " + files + " files, " + skipped + " item" + (skipped == 1 ? "" : "s")
                + " skipped (not offered by the device); " + state;
    }

    private SessionOptions sessionOptions() {
        SessionOptions s = base;
        source.applyTo(s);
        s.transport = transport;
        s.verbose = verbose;
        return s;
    }
}
