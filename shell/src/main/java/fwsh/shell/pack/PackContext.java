package fwsh.shell.pack;

import fwsh.base.FileException;
import fwsh.base.FwshException;
import fwsh.dsl.ScriptExit;
import fwsh.dsl.ScriptRunner;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.dsl.engine.Privilege;
import fwsh.shell.bundle.Bundle;
import fwsh.shell.bundle.BundleSettings;
import fwsh.shell.bundle.Progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What fwsh test gives a pack's specs: the pack folder, the device source (an emulator profile or a
 * recording) and the scope ceiling. {@link PackSpecification} opens its sessions from here, so a spec
 * gets exactly the ceiling the command line and the manifest allow.
 */
public final class PackContext {
    private static volatile PackContext current;

    private final Path packDir;
    private final Privilege ceiling;
    private final String emulateProfile;
    private final Path replay;
    private final String replayMode;
    private final Path workDir;
    private final AtomicInteger sessions = new AtomicInteger();

    public PackContext(Path packDir, Privilege ceiling, String emulateProfile, Path replay, String replayMode, Path workDir) {
        this.packDir = packDir;
        this.ceiling = ceiling;
        this.emulateProfile = emulateProfile;
        this.replay = replay;
        this.replayMode = replayMode;
        this.workDir = workDir;
    }

    /** The context of the running fwsh test; outside one (an IDE, a build tool) the emulator in the working directory. */
    public static PackContext current() {
        PackContext c = current;
        if (c != null) return c;
        try {
            return new PackContext(Path.of(System.getProperty("fwsh.pack.dir", ".")), Privilege.DEBUG_READ_ONLY, null, null, null,
                    Files.createTempDirectory("fwsh-pack"));
        } catch (IOException e) {
            throw FileException.of("create a temporary folder in", System.getProperty("java.io.tmpdir"), e);
        }
    }

    static void install(PackContext context) {
        current = context;
    }

    public Path packDir() {
        return packDir;
    }

    public Privilege ceiling() {
        return ceiling;
    }

    /** A description for the run's header line: "emulator cx6dx:mlx5ctl" or "replay FILE (matched)". */
    public String source() {
        if (replay != null) return "replay " + replay + " (" + (replayMode == null ? "matched" : replayMode) + ")";
        return "emulator " + (emulateProfile == null ? "default profile" : emulateProfile);
    }

    public Session openSession() {
        return openSession(ceiling);
    }

    /**
     * A session whose ceiling is the lower of {@code limit} and the granted ceiling: a spec may check how a
     * script behaves with less scope than fwsh test grants, never with more.
     */
    public Session openSession(Privilege limit) {
        Privilege lowered = ceiling.covers(limit) ? limit : ceiling;
        SessionOptions o = new SessionOptions().noHardware().ceiling(lowered.scope)
                .journal(workDir.resolve("journal-" + sessions.incrementAndGet() + ".jsonl"));
        if (replay != null) {
            o.replay = replay;
            o.replayMode = replayMode;
        } else {
            o.emulate(emulateProfile);
        }
        return Session.open(o);
    }

    /** A session on a recording, whatever fwsh test was given, with the same ceiling. */
    public Session openReplay(Path recording, String mode) {
        if (!Files.isRegularFile(recording)) throw new FwshException("no recording '" + recording + "'; make one with fwsh --record FILE");
        if (!"matched".equals(mode) && !"ordered".equals(mode)) throw new FwshException("unknown replay mode '" + mode + "'; use matched or ordered");
        SessionOptions o = new SessionOptions().noHardware().ceiling(ceiling.scope)
                .journal(workDir.resolve("journal-" + sessions.incrementAndGet() + ".jsonl"));
        o.replay = recording;
        o.replayMode = mode;
        return Session.open(o);
    }

    /**
     * fwsh bundle on this context's device source (a fresh session of it, recorded and read-only, as the command opens)
     * into {@code file}, relative to this run's scratch folder.
     */
    public Bundle.Result bundle(String file, BundleSettings settings) {
        SessionOptions o = new SessionOptions().noHardware().journal(workDir.resolve("journal-" + sessions.incrementAndGet() + ".jsonl"));
        if (replay != null) {
            o.replay = replay;
            o.replayMode = replayMode;
        } else {
            o.emulate(emulateProfile);
        }
        Path out = workDir.resolve(file).toAbsolutePath().normalize();
        return new Bundle(o, settings, Progress.silent(), t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .write(out, List.of("bundle", "-o", out.toString()));
    }

    /** scripts/NAME (".groovy" may be left off). */
    public Path script(String name) {
        Path scripts = packDir.resolve("scripts");
        Path file = scripts.resolve(name.endsWith(".groovy") ? name : name + ".groovy").normalize();
        if (!file.startsWith(scripts.normalize()) || !Files.isRegularFile(file)) {
            throw new FwshException("no script '" + name + "' in " + scripts + "; scripts: " + String.join(", ", scriptNames()));
        }
        return file;
    }

    List<String> scriptNames() {
        Path scripts = packDir.resolve("scripts");
        if (!Files.isDirectory(scripts)) return List.of();
        try (Stream<Path> files = Files.walk(scripts)) {
            return files.filter(p -> p.toString().endsWith(".groovy")).map(p -> scripts.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Runs a pack script in {@code session} with its printed output captured and exitCode read back. */
    public ScriptResult run(Session session, String name, List<String> args) {
        Path file = script(name);
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw FileException.of("read", file, e);
        }
        StringWriter text = new StringWriter();
        var binding = session.binding();
        binding.setVariable("out", new PrintWriter(text, true));
        binding.getVariables().remove("exitCode");
        try {
            Object result = new ScriptRunner(session).run(code, packDir.resolve("scripts").relativize(file).toString(), args);
            Object exit = binding.hasVariable("exitCode") ? binding.getVariable("exitCode") : null;
            return new ScriptResult(text.toString(), result, exit instanceof Number n ? n.intValue() : 0);
        } catch (ScriptExit e) {
            // System.exit(n) or a bad argument: the status a batch run would give, and the line it would print on stderr
            return new ScriptResult(text.toString(), null, e.status(), e.usage() == null ? "" : e.usage() + "\n");
        } finally {
            binding.getVariables().remove("out");
        }
    }
}
