package fwsh.shell.bundle;

import fwsh.channel.DeviceGoneException;
import fwsh.dsl.Device;
import fwsh.dsl.ScriptExit;
import fwsh.dsl.ScriptRunner;
import fwsh.dsl.Session;
import groovy.lang.Closure;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Collects a session's devices into {@link BundleFiles}, phase by phase (health, identity, capabilities, registers,
 * NV, resource dump, journal, counters, trace). Each phase runs on its own thread within a time bound, so a wedged
 * RPC costs one phase, not the bundle; a removed device loses its remaining phases; {@link #interrupt} (Ctrl-C,
 * SIGTERM) ends the current phase and marks the rest missing. Reads only: the session's ceiling is debug-read-only.
 */
final class BundleRun {
    /** The phases of each device, in order. Health first: replaying its scripts then meets their own answers. */
    static final List<String> PHASES = List.of("health", "identity", "capabilities", "registers", "nv", "resource_dump",
            "journal", "counters", "trace");
    private static final String COLLECTOR = "fwsh/shell/bundle/collect.groovy";
    /** The standard pack's resource folder (StandardPack.RESOURCE; named here, as fwsh.shell.pack uses this package). */
    private static final String PACK = "fwsh-pack";

    private final Session session;
    private final BundleSettings settings;
    private final BundleFiles files;
    private final Progress progress;
    private final Function<Throwable, String> oneLine;
    private BiConsumer<Device, String> onPhase = (d, p) -> { };
    private volatile boolean interrupted;
    private volatile Thread collecting;

    BundleRun(Session session, BundleSettings settings, BundleFiles files, Progress progress, Function<Throwable, String> oneLine) {
        this.session = session;
        this.settings = settings;
        this.files = files;
        this.progress = progress;
        this.oneLine = oneLine;
    }

    /** Called with the device and the phase as each phase starts (specs remove a device or interrupt there). */
    BundleRun onPhase(BiConsumer<Device, String> hook) {
        this.onPhase = hook;
        return this;
    }

    /** Ctrl-C, SIGTERM: the running phase ends now, the rest are listed as missing; safe from any thread. */
    void interrupt() {
        interrupted = true;
        Thread t = collecting;
        if (t != null) t.interrupt();
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Collects every phase of {@code devices}; returns when done or interrupted (never throws for a device's failure). */
    void collect(List<Device> devices) {
        collecting = Thread.currentThread();
        try {
            Map<String, Closure<?>> collectors = collectors();
            int total = devices.size() * PHASES.size(), n = 0;
            for (Device d : devices) {
                String folder = "devices/" + d.getName() + "/";
                BundleSink sink = new BundleSink(files, folder, settings.countersOver(), settings.traceFor());
                String gone = null;
                for (String phase : PHASES) {
                    n++;
                    String what = folder + phase;
                    if (interrupted) {
                        files.missing(what, "interrupted before it started");
                        continue;
                    }
                    if (gone != null) {
                        files.missing(what, "device removed: " + gone);
                        continue;
                    }
                    progress.phase(n, total, d.getName() + " " + phase.replace('_', ' '));
                    onPhase.accept(d, phase);
                    Callable<Object> body = phase.equals("health") ? () -> health(d, sink) : () -> printing(sink, phase, collectors.get(phase), d);
                    gone = bounded(what, bound(phase), body);
                }
            }
        } finally {
            collecting = null;
            Thread.interrupted(); // an interrupt that arrived as the last phase ended must not hit the archive writing
        }
    }

    private Duration bound(String phase) {
        return switch (phase) {
            case "counters" -> settings.timeout().plus(settings.countersOver());
            case "trace" -> settings.timeout().plus(settings.traceFor());
            default -> settings.timeout();
        };
    }

    /** Runs one phase within its bound; returns why the device is gone when it was removed, else null. */
    private String bounded(String what, Duration bound, Callable<Object> body) {
        FutureTask<Object> task = new FutureTask<>(body);
        Thread worker = new Thread(task, "fwsh-bundle " + what);
        worker.setDaemon(true); // a wedged RPC must not keep the JVM alive
        worker.start();
        try {
            task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            worker.interrupt();
            files.missing(what, "timed out after " + seconds(bound) + " (a phase's bound; --timeout)");
            return null;
        } catch (InterruptedException e) {
            worker.interrupt();
            interrupted = true;
            files.missing(what, "interrupted");
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (gone(cause) != null) {
                files.missing(what, "device removed: " + gone(cause).getMessage());
                return gone(cause).getMessage();
            }
            if (interrupted) {
                files.missing(what, "interrupted");
                return null;
            }
            files.missing(what, oneLine.apply(cause));
            return null;
        }
    }

    private static DeviceGoneException gone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DeviceGoneException g) return g;
        }
        return null;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /**
     * Link and PCIe health as the standard scripts report it: link/health.groovy for each port, device/pcie.groovy and
     * device/inventory.groovy, their printed text and exit status (the scripts, not a copy of their logic).
     */
    private Object health(Device d, BundleSink sink) throws IOException {
        if (BundleRun.class.getClassLoader().getResource(PACK + "/pack.properties") == null) {
            sink.skip("health", "the standard pack is not on the class path, so its health scripts cannot run");
            return null;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        List<List<String>> runs = new ArrayList<>();
        for (int p = 1; p <= Math.max(1, d.getPorts().size()); p++) runs.add(List.of("link/health.groovy", "--port", String.valueOf(p)));
        runs.add(List.of("device/pcie.groovy"));
        runs.add(List.of("device/inventory.groovy"));
        for (List<String> run : runs) {
            String script = run.get(0);
            String file = script.substring(script.indexOf('/') + 1).replace(".groovy", "") + (run.size() > 1 ? "-port" + run.get(2) : "") + ".txt";
            List<String> args = new ArrayList<>(run.subList(1, run.size()));
            args.addAll(List.of("--device", d.getName()));
            StringWriter text = new StringWriter();
            int exit;
            try {
                exit = runScript(script, args, text);
            } catch (RuntimeException e) {
                if (gone(e) != null) throw e;
                sink.skip("health/" + file, script + ": " + oneLine.apply(e));
                continue;
            }
            sink.text(file, text.toString());
            status.put(file, Map.of("script", script, "args", args, "exit", exit));
        }
        sink.json("health.json", status);
        return null;
    }

    /** Runs a collector; what the DSL prints meanwhile (a capture's summary, notes) goes to PHASE-output.txt. */
    private Object printing(BundleSink sink, String phase, Closure<?> collector, Device d) {
        StringWriter text = new StringWriter();
        session.binding().setVariable("out", new PrintWriter(text, true));
        try {
            return collector.call(d, sink);
        } finally {
            session.binding().getVariables().remove("out");
            if (text.getBuffer().length() > 0) sink.text(phase + "-output.txt", text.toString());
        }
    }

    /** A standard script in the session with its output captured; its exit status as a batch run would give it. */
    private int runScript(String script, List<String> args, StringWriter text) throws IOException {
        var binding = session.binding();
        binding.setVariable("out", new PrintWriter(text, true));
        binding.getVariables().remove("exitCode");
        try {
            new ScriptRunner(session).run(resource(PACK + "/scripts/" + script), script, args);
            Object exit = binding.hasVariable("exitCode") ? binding.getVariable("exitCode") : null;
            return exit instanceof Number n ? n.intValue() : 0;
        } catch (ScriptExit e) {
            if (e.usage() != null) text.write(e.usage() + "\n");
            return e.status();
        } finally {
            binding.getVariables().remove("out");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Closure<?>> collectors() {
        try {
            String code = resource(COLLECTOR);
            return (Map<String, Closure<?>>) new ScriptRunner(session).run(code, "collect.groovy", List.of());
        } catch (IOException e) {
            throw new IllegalStateException("fwsh bundle's collector is missing from the class path: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundleRun.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("no resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
