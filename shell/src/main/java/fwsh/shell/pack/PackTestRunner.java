package fwsh.shell.pack;

import fwsh.dsl.engine.Privilege;
import fwsh.shell.cli.UsageException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.DiscoverySelector;
import spock.lang.Specification;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * fwsh test PACK_DIR: checks the manifest, compiles scripts and specs, runs the specs through the JUnit
 * Platform launcher with the Spock engine in this process, prints each failure and the summary line,
 * and writes JUnit XML. Exit 0 all passed, 1 any failed; usage errors are thrown as {@link UsageException}.
 */
public final class PackTestRunner {
    private final TestCommand options;
    private final PrintStream out;
    private final PrintStream err;
    private String ceilingNote = "";

    public PackTestRunner(TestCommand options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public int run() {
        if (!options.standard) {
            return run(options.packDir, options.junitXml != null ? options.junitXml : options.packDir.toAbsolutePath().normalize().resolve("test-results"));
        }
        if (!StandardPack.present()) throw new UsageException("the standard pack (" + StandardPack.RESOURCE + "/) is not on fwsh's class path; is lib/ complete?");
        Path copy = null;
        try {
            copy = Files.createTempDirectory("fwsh-standard");
            // A copy of the shipped folder, run like any pack and removed afterwards; JUnit XML only when asked for.
            return run(StandardPack.extract(copy.resolve("standard")), options.junitXml);
        } catch (IOException e) {
            err.println("fwsh test: cannot copy the standard pack: " + e.getMessage());
            return 1;
        } finally {
            if (copy != null) deleteTree(copy);
        }
    }

    private int run(Path given, Path xmlDir) {
        Path packDir = given.toAbsolutePath().normalize();
        if (!Files.isDirectory(packDir)) throw new UsageException("no pack folder '" + given + "'");
        PackManifest manifest = PackManifest.read(packDir);
        if (options.source.replay != null && !Files.isRegularFile(options.source.replay)) throw new UsageException("no recording '" + options.source.replay + "'");
        List<Path> scripts = PackCompiler.groovyFiles(packDir.resolve("scripts"), ".groovy");
        List<Path> specSources = PackCompiler.groovyFiles(packDir.resolve("specs"), ".groovy");
        if (specSources.stream().noneMatch(p -> p.getFileName().toString().endsWith("Spec.groovy"))) {
            throw new UsageException("no specs in '" + packDir.resolve("specs") + "' (files named *Spec.groovy)");
        }
        for (Path s : scripts) HeaderCheck.warnings(packDir, s, manifest.scope()).forEach(w -> err.println("fwsh test: warning: " + w));
        PackCompiler.checkScripts(packDir, scripts);

        Privilege granted = options.ceiling == null ? Privilege.DEBUG_READ_ONLY : options.ceiling;
        Privilege ceiling = manifest.ceiling(granted);
        Path work = null;
        try {
            work = Files.createTempDirectory("fwsh-test");
            Path classes = Files.createDirectories(work.resolve("classes"));
            try (URLClassLoader loader = PackCompiler.compileSpecs(packDir, specSources, classes)) {
                List<Class<?>> specs = specClasses(loader, classes);
                out.println("pack " + manifest.name() + " " + manifest.version() + ": " + specs.size() + " spec(s) on the "
                        + new PackContext(packDir, ceiling, options.source.emulateProfile, options.source.replay, options.source.replayMode, work).source()
                        + ", scope ceiling " + ceiling + " (pack " + manifest.scope() + ", --scope " + granted + ")");
                PackContext context = new PackContext(packDir, ceiling, options.source.emulateProfile,
                        options.source.replay == null ? null : options.source.replay.toAbsolutePath(), options.source.replayMode, work);
                ceilingNote = manifest.scope() + ", and --scope, " + granted + ": " + ceiling;
                List<Outcome> outcomes = execute(specs, loader, context);
                report(outcomes, packDir, specSources);
                if (xmlDir != null) JUnitXml.write(xmlDir, outcomes, manifest.name());
                long passed = count(outcomes, Outcome.Status.PASSED);
                long failed = count(outcomes, Outcome.Status.FAILED);
                long skipped = count(outcomes, Outcome.Status.SKIPPED);
                out.println(xmlDir != null ? "JUnit XML: " + xmlDir : "JUnit XML: not written (use --junit-xml DIR)");
                if (skipped > 0 && ceiling != manifest.scope()) {
                    out.println("(" + skipped + " skipped; this run grants " + ceiling + " and the pack asks for " + manifest.scope()
                            + ": --scope " + manifest.scope() + " runs the features that need it, still only on the emulator or the recording)");
                }
                out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
                return failed > 0 ? 1 : 0;
            }
        } catch (IOException e) {
            err.println("fwsh test: " + e.getMessage());
            return 1;
        } finally {
            if (work != null) deleteTree(work);
        }
    }

    private static long count(List<Outcome> outcomes, Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Concrete Specification subclasses among the compiled classes, by name. */
    private static List<Class<?>> specClasses(ClassLoader loader, Path classes) throws IOException {
        List<Class<?>> specs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.contains("$")) continue;
                Class<?> c;
                try {
                    c = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new UsageException("cannot load compiled spec class " + name + ": " + e);
                }
                if (Specification.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) specs.add(c);
            }
        }
        specs.sort(Comparator.comparing(Class::getName));
        return specs;
    }

    private static List<Outcome> execute(List<Class<?>> specs, ClassLoader loader, PackContext context) {
        SpecListener listener = new SpecListener();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        PackContext.install(context);
        try {
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (Class<?> c : specs) selectors.add(DiscoverySelectors.selectClass(c));
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                    .filters(org.junit.platform.launcher.EngineFilter.includeEngines("spock")).build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .build());
            launcher.execute(request, listener);
        } finally {
            PackContext.install(null);
            thread.setContextClassLoader(before);
        }
        return listener.outcomes();
    }

    /** One line per failure (spec, feature, file:line) and the Spock condition text under it. */
    private void report(List<Outcome> outcomes, Path packDir, List<Path> specSources) {
        Map<String, String> sourceByFile = new HashMap<>();
        for (Path p : specSources) sourceByFile.putIfAbsent(p.getFileName().toString(), packDir.relativize(p).toString());
        for (Outcome o : outcomes) {
            if (o.status() != Outcome.Status.FAILED) continue;
            String where = location(o.failure(), sourceByFile);
            out.println("FAILED " + simpleName(o.specClass()) + " > " + o.name() + (where == null ? "" : " (" + where + ")"));
            for (String line : FailureText.lines(o.failure())) out.println(line.isEmpty() ? "" : "    " + line);
            if (FailureText.causedBy(o.failure(), fwsh.dsl.engine.ScopeRefusedException.class)) {
                out.println("    (fwsh test grants the lower of the pack's scope, " + ceilingNote + ")");
            }
        }
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    private static String location(Throwable t, Map<String, String> sourceByFile) {
        for (Throwable at = t; at != null; at = at.getCause()) {
            for (StackTraceElement e : at.getStackTrace()) {
                String file = e.getFileName();
                if (file != null && sourceByFile.containsKey(file) && e.getLineNumber() > 0) {
                    return sourceByFile.get(file) + ":" + e.getLineNumber();
                }
            }
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
