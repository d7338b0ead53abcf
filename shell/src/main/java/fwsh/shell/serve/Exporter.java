package fwsh.shell.serve;

import fwsh.dsl.Device;
import fwsh.dsl.Session;
import fwsh.dsl.metrics.MetricsBuilder;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code fwsh serve}'s engine: the Prometheus client's HTTP server (content negotiation: text or OpenMetrics) over a
 * registry whose one collector reads every device at scrape time, in parallel, single-flight per device. A device
 * that is removed (ENODEV) is detached and its series dropped; its {@code fwsh_scrape_errors_total} stays. A rescan
 * every {@code rescan} attaches devices that came back or appeared.
 */
public final class Exporter implements MultiCollector, DeviceReader.ReadListener, AutoCloseable {
    private final Session session;
    private final Selection selection;
    private final List<String> selectors;
    private final Duration timeout;
    private final PrintStream log;
    private final boolean verbose;
    private final List<DeviceReader> readers = new CopyOnWriteArrayList<>();
    private final Set<DeviceReader> dropped = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** fwsh's own metrics, in their own registry so that each scrape shows what its reads counted. */
    private final PrometheusRegistry own = new PrometheusRegistry();
    private final Counter errors = Counter.builder().name("fwsh_scrape_errors_total").withoutExemplars()
            .help("Reads of the device that failed (removed, a group did not answer) or did not finish within --timeout")
            .labelNames("device", "pci").register(own);
    private final Gauge duration = Gauge.builder().name("fwsh_scrape_duration_seconds").unit(Unit.SECONDS).withoutExemplars()
            .help("How long the device's last read took (every counter group of every port)")
            .labelNames("device", "pci").register(own);
    private final ExecutorService pool = Executors.newCachedThreadPool(daemon("fwsh-serve-read"));
    private final ScheduledExecutorService rescans = Executors.newSingleThreadScheduledExecutor(daemon("fwsh-serve-rescan"));
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private HTTPServer server;

    /** Prepares a reader for each of the session's devices one of {@code selectors} names (none: every device). */
    public Exporter(Session session, Selection selection, List<String> selectors, Duration timeout, PrintStream log, boolean verbose) {
        this.session = session;
        this.selection = selection;
        this.selectors = List.copyOf(selectors);
        this.timeout = timeout;
        this.log = log;
        this.verbose = verbose;
        for (Device d : session.devices()) if (Session.selects(d.rawChannel().info(), selectors)) serve(new DeviceReader(d, selection));
        registry.register(this);
    }

    /** Starts the HTTP server on {@code at} (port 0: any free port) and the rescans every {@code rescan}. */
    public void start(InetSocketAddress at, Duration rescan) throws IOException {
        HTTPServer.Builder b = HTTPServer.builder().registry(registry).port(at.getPort());
        if (!at.getAddress().isAnyLocalAddress()) b.inetAddress(at.getAddress());
        server = b.buildAndStart();
        rescans.scheduleWithFixedDelay(this::rescan, rescan.toMillis(), rescan.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.getPort();
    }

    List<DeviceReader> readers() {
        return List.copyOf(readers);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public MetricSnapshots collect() {
        MetricsBuilder b = new MetricsBuilder();
        List<DeviceReader> now = List.copyOf(readers);
        List<CompletableFuture<DeviceReader.Reading>> reads = new ArrayList<>(now.size());
        for (DeviceReader r : now) reads.add(r.read(pool, this));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < now.size(); i++) {
            DeviceReader r = now.get(i);
            try {
                r.addTo(b, reads.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                errors.labelValues(labels(r)).inc();
                if (verbose) log.println("fwsh serve: " + r + " did not answer within " + timeout.toMillis() + " ms; left out of this scrape");
            } catch (ExecutionException e) {
                if (r.isGone()) drop(r, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (MetricSnapshot s : own.scrape()) b.add(s);
        return b.build();
    }

    @Override
    public void read(DeviceReader r, DeviceReader.Reading reading) {
        duration.labelValues(labels(r)).set(reading.seconds());
        if (reading.failed() > 0) {
            errors.labelValues(labels(r)).inc();
            if (verbose) log.println("fwsh serve: " + r + ": " + reading.failed() + " group(s) did not answer: " + reading.firstFailure());
        }
    }

    @Override
    public void failed(DeviceReader r, Throwable t) {
        errors.labelValues(labels(r)).inc();
        if (!r.isGone()) log.println("fwsh serve: " + r + ": read failed: " + t.getMessage());
    }

    /** Its error count shows from the start (at 0), so that rate() and increase() see the first error. */
    private void serve(DeviceReader r) {
        errors.labelValues(labels(r));
        readers.add(r);
    }

    /** A removed device: its series go, the session lets it go so that a rescan can attach it when it is back. */
    private void drop(DeviceReader r, Throwable why) {
        if (!dropped.add(r)) return;
        readers.remove(r);
        duration.remove(labels(r));
        session.detach(r.device);
        log.println("fwsh serve: " + r + " is gone (" + why.getMessage() + "); its series are dropped until it is back");
    }

    /** Attaches devices that came back or appeared (a failure here is retried at the next rescan). */
    void rescan() {
        try {
            for (Device d : session.rediscover(selectors)) {
                try {
                    DeviceReader r = new DeviceReader(d, selection);
                    serve(r);
                    log.println("fwsh serve: " + r + " found; serving its series");
                } catch (RuntimeException e) {
                    session.detach(d);
                    if (verbose) log.println("fwsh serve: " + d.getName() + " appeared but could not be read: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            if (verbose) log.println("fwsh serve: rescan failed: " + e.getMessage());
        }
    }

    private static String[] labels(DeviceReader r) {
        return new String[]{r.labels.get("device"), r.labels.get("pci")};
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops serving (the port is closed when this returns) and the reads and rescans. */
    @Override
    public void close() {
        if (server != null) server.close();
        rescans.shutdownNow();
        pool.shutdownNow();
    }
}
