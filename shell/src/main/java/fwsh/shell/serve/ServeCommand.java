package fwsh.shell.serve;

import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.dsl.Device;
import fwsh.dsl.NoUsableDeviceException;
import fwsh.dsl.ScriptRunner;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.shell.cli.Converters;
import fwsh.shell.cli.DeviceSourceOptions;
import fwsh.shell.cli.ErrorReport;
import fwsh.shell.cli.ExitCode;
import fwsh.shell.cli.Signals;
import fwsh.shell.cli.Streams;
import fwsh.shell.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code fwsh serve}: a Prometheus exporter of every device's counters; runs until SIGTERM or Ctrl-C. */
@Command(name = "serve", sortOptions = false,
        description = {"Serves /metrics for Prometheus: every device's port counters, temperatures and PCIe link, read at"
                + " scrape time (concurrent scrapes share one read per device), read-only. A removed device's series are"
                + " dropped and counted in fwsh_scrape_errors_total; a device that comes back is served again."
                + " Stops cleanly on SIGTERM (exit 0) or Ctrl-C."},
        customSynopsis = {"fwsh serve [OPTIONS]"},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExit status:%n",
        footer = {"  0 stopped by SIGTERM, 1 no usable device or the address is taken, 2 usage error, 130 Ctrl-C"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "ADDR:PORT", order = 1, converter = ServeValues.Listen.class,
            description = "where to serve /metrics: ADDR:PORT, :PORT for every interface, port 0 for a free one (default :" + ServeValues.DEFAULT_PORT + ")")
    InetSocketAddress listen = new InetSocketAddress(ServeValues.DEFAULT_PORT);

    @Option(names = "--device", paramLabel = "DEV", order = 2, converter = Converters.NonBlank.class,
            description = "serve only this device (index, name, PCI address, netdev or RDMA name, node path); repeat for several (default: all)")
    List<String> devices = new ArrayList<>();

    @Mixin
    final DeviceSourceOptions source = new DeviceSourceOptions();

    @Option(names = "--transport", paramLabel = "T", order = 5, converter = Converters.TransportValue.class,
            completionCandidates = Converters.TransportNames.class, description = "fwctl or mlx5ctl: use only devices of this kernel interface")
    Transport transport;

    @Option(names = "--scope", paramLabel = "CEILING", order = 6, converter = ServeValues.ReadOnlyScope.class,
            completionCandidates = Converters.ScopeNames.class,
            description = "only debug-read-only (the default): serve never raises its ceiling")
    Scope scope;

    @Option(names = "--include", paramLabel = "GROUP|NAME", order = 7, split = ",",
            description = "also serve these counter groups (all: every group) or counters (names, globs such as 'rx_prio*' or '*_lane*'); repeatable")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GROUP|NAME", order = 8, split = ",",
            description = "do not serve these groups or counters (names or globs); wins over --include; repeatable")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", order = 9, converter = Converters.Interval.class,
            description = "how long a scrape waits for a device's read; a device that takes longer is left out of it and counted as an error (default 5s)")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--rescan", paramLabel = "DURATION", order = 10, converter = Converters.Interval.class,
            description = "how often to look for devices that came back or appeared (default 10s)")
    Duration rescan = Duration.ofSeconds(10);

    @Option(names = "--init", paramLabel = "FILE", order = 11, converter = Converters.NonBlankPath.class,
            description = "evaluate FILE in the session before serving")
    Path init;

    @Option(names = {"-v", "--verbose"}, order = 12, arity = "0", description = "a line for each failed read; stack traces for errors")
    boolean verbose;

    @Option(names = {"-h", "--help"}, order = 13, arity = "0", usageHelp = true, description = "print this help and exit")
    boolean help;

    private final Streams io;
    private final SessionOptions base;
    /** fwsh's error lines (one line; the stack trace with --verbose), given by the shell that owns them. */

    public ServeCommand(Streams io, SessionOptions base) {
        this.io = io;
        this.base = base;
    }

    @Override
    public Integer call() {
        source.check();
        if (init != null && !Files.isRegularFile(init)) throw new UsageException("no init file '" + init + "'");
        Selection selection = new Selection(include, exclude);
        Session session;
        try {
            session = Session.open(sessionOptions());
        } catch (NoUsableDeviceException e) {
            io.err().println("error: " + e.summary());
            e.report().forEach(l -> io.err().println("  " + l));
            io.err().println("To serve the emulated ConnectX instead (not hardware), add --emulate: fwsh serve --emulate");
            return ExitCode.ERROR;
        } catch (RuntimeException e) {
            return error(e);
        }
        try (session) {
            session.setWarnings(io.err());
            List<String> wanted = wanted(session);
            if (init != null) {
                try {
                    new ScriptRunner(session).run(init, List.of());
                } catch (IOException e) {
                    throw new UsageException("cannot read init file '" + init + "': " + e.getMessage());
                }
            }
            return serve(session, selection, wanted);
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            return error(e);
        }
    }

    private int serve(Session session, Selection selection, List<String> wanted) {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(ExitCode.OK);
        Signals.on("TERM", () -> stop.countDown());
        Signals.on("INT", () -> {
            status.set(ExitCode.INTERRUPTED);
            stop.countDown();
        });
        try (Exporter exporter = new Exporter(session, selection, wanted, timeout, io.err(), verbose)) {
            Set<String> names = new LinkedHashSet<>();
            exporter.readers().forEach(r -> names.addAll(r.available()));
            selection.checkMatches(names);
            try {
                exporter.start(listen, rescan);
            } catch (IOException e) {
                io.err().println("error: cannot listen on " + address(listen) + ": " + e.getMessage());
                return ExitCode.ERROR;
            }
            io.err().println("fwsh serve: listening on http://" + address(new InetSocketAddress(listen.getAddress(), exporter.port())) + "/metrics");
            for (DeviceReader r : exporter.readers()) {
                int[] n = r.seriesCount();
                io.err().println("fwsh serve: " + r + ": " + n[0] + " series per port, " + n[1] + " for the device");
            }
            try {
                stop.await();
            } finally {
                io.err().println("fwsh serve: stopped");
            }
            return status.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private static String address(InetSocketAddress a) {
        String host = a.getAddress().isAnyLocalAddress() ? "" : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** --device: each must name a device now; later ones are served when their PCI address (or name) is one of these. */
    /**
     * What --device selects, as PCI addresses (names where there is none): an index names a device of this session
     * only, so the selection a rescan uses is fixed now. Empty: every device.
     */
    private List<String> wanted(Session session) {
        Set<String> keys = new LinkedHashSet<>();
        for (String sel : devices) {
            Device d = session.device(sel.matches("\\d+") ? (Object) Integer.valueOf(sel) : sel);
            keys.add(key(d));
        }
        return List.copyOf(keys);
    }

    private static String key(Device d) {
        var i = d.rawChannel().info();
        return i.pci() != null ? i.pci() : i.name();
    }

    private SessionOptions sessionOptions() {
        SessionOptions s = base;
        source.applyTo(s);
        s.transport = transport;
        s.ceiling(Scope.DEBUG_READ_ONLY);
        s.verbose = verbose;
        return s;
    }

    private int error(RuntimeException e) {
        io.err().println(ErrorReport.oneLine(e));
        if (verbose) io.err().print(ErrorReport.stackTrace(e));
        return ExitCode.ERROR;
    }
}
