package fwsh.shell.bundle;

import fwsh.base.FileException;
import fwsh.channel.Scope;
import fwsh.dsl.Device;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One support bundle: opens a recorded, read-only session on the given device source, collects it ({@link BundleRun})
 * and writes the archive ({@link BundleWriter}). Used by {@code fwsh bundle} and by pack specs.
 */
public final class Bundle {
    /** The manifest's format name and version. */
    public static final String FORMAT = "fwsh-bundle";
    public static final int VERSION = 1;
    public static final String RECORDING = "recording.jsonl";

    /** What a bundle run gives: the manifest written into the archive and the exit status (0, 1 partial, 130). */
    public record Result(Path file, Map<String, Object> manifest, int status) {
        public boolean complete() {
            return Boolean.TRUE.equals(manifest.get("complete"));
        }
    }

    private final SessionOptions source;
    private final BundleSettings settings;
    private final Progress progress;
    private final Function<Throwable, String> oneLine;
    private BiConsumer<Device, String> onPhase = (d, p) -> { };
    private volatile BundleRun run;
    private volatile boolean interrupted;

    /** {@code source}: where the devices come from (its record and ceiling are set here). */
    public Bundle(SessionOptions source, BundleSettings settings, Progress progress, Function<Throwable, String> oneLine) {
        this.source = source;
        this.settings = settings;
        this.progress = progress;
        this.oneLine = oneLine;
    }

    /** Called with the device and the phase as each phase starts (specs remove a device or interrupt there). */
    public Bundle onPhase(BiConsumer<Device, String> hook) {
        this.onPhase = hook;
        return this;
    }

    /** Ctrl-C or SIGTERM: stop collecting, write what there is (safe from a signal handler's thread). */
    public void interrupt() {
        interrupted = true;
        BundleRun r = run;
        if (r != null) r.interrupt();
    }

    /** fwsh-bundle-HOST-YYYYMMDD-HHMMSS.tar.gz in {@code dir}. */
    public static Path defaultFile(Path dir) {
        return dir.resolve("fwsh-bundle-" + host().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tar.gz");
    }

    /**
     * Collects and writes {@code out}. Throws what opening the session throws (no usable device, an unreadable
     * recording) and a FileException when the archive cannot be written; a device's failure only makes the bundle
     * partial.
     */
    public Result write(Path out, List<String> commandLine) {
        Path staging = staging();
        try {
            BundleFiles files = new BundleFiles(staging);
            SessionOptions o = source;
            o.record = files.file(RECORDING);
            o.ceiling(Scope.DEBUG_READ_ONLY);
            Instant started = Instant.now();
            List<String> devices = new ArrayList<>();
            BundleRun r;
            try (Session session = Session.open(o)) {
                List<Device> selected = select(session);
                selected.forEach(d -> devices.add(d.getName()));
                files.json("fwsh.json", about(session, commandLine));
                r = new BundleRun(session, settings, files, progress, oneLine).onPhase(onPhase);
                run = r;
                if (interrupted) r.interrupt();
                r.collect(selected);
            } finally {
                run = null;
                progress.done();
            }
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("format", FORMAT);
            head.put("version", VERSION);
            head.put("fwsh", version());
            head.put("host", host());
            head.put("command_line", commandLine);
            head.put("started", started.toString());
            head.put("ended", Instant.now().toString());
            head.put("interrupted", r.interrupted());
            head.put("devices", devices);
            Map<String, Object> manifest = BundleWriter.write(out, files, head);
            int status = r.interrupted() ? 130 : Boolean.TRUE.equals(manifest.get("complete")) ? 0 : 1;
            return new Result(out, manifest, status);
        } finally {
            delete(staging);
        }
    }

    private List<Device> select(Session session) {
        if (settings.devices().isEmpty()) return new ArrayList<>(session.devices());
        List<Device> out = new ArrayList<>();
        for (String sel : settings.devices()) {
            Device d = session.device(sel.matches("\\d+") ? (Object) Integer.valueOf(sel) : sel);
            if (!out.contains(d)) out.add(d);
        }
        return out;
    }

    private Map<String, Object> about(Session session, List<String> commandLine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fwsh", version());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("command_line", commandLine);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("counters_over_ms", settings.countersOver().toMillis());
        opts.put("trace_for_ms", settings.traceFor().toMillis());
        opts.put("timeout_ms", settings.timeout().toMillis());
        opts.put("devices", settings.devices());
        opts.put("ceiling", "debug-read-only");
        m.put("options", opts);
        m.put("session", session.banner());
        return m;
    }

    static String version() {
        try (InputStream in = Bundle.class.getClassLoader().getResourceAsStream("fwsh/shell/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static Path staging() {
        try {
            return Files.createTempDirectory("fwsh-bundle");
        } catch (IOException e) {
            throw FileException.of("create a temporary folder in", System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
