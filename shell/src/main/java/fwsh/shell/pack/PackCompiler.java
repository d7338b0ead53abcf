package fwsh.shell.pack;

import fwsh.dsl.FwshCompiler;
import fwsh.shell.cli.UsageException;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles a pack without a build tool: the scripts (to check them, with the same configuration fwsh
 * runs them with) and the specs (to class files in a work folder, loaded by a fresh class loader).
 * A compile error is a usage error naming file:line:column.
 */
final class PackCompiler {
    private PackCompiler() {
    }

    static List<Path> groovyFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Each script compiles on its own, as fwsh would run it. */
    static void checkScripts(Path packDir, List<Path> scripts) {
        List<String> errors = new ArrayList<>();
        for (Path script : scripts) {
            CompilationUnit unit = new CompilationUnit(FwshCompiler.configuration(), null, new groovy.lang.GroovyClassLoader(PackCompiler.class.getClassLoader()));
            unit.addSource(script.toFile());
            try {
                unit.compile(Phases.CLASS_GENERATION);
            } catch (CompilationFailedException e) {
                errors.addAll(describe(packDir, e));
            }
        }
        if (!errors.isEmpty()) throw new UsageException("pack scripts do not compile:\n  " + String.join("\n  ", errors));
    }

    /** The scripts' configuration (imports, ThreadInterrupt, System.exit) plus what specs need besides. */
    static CompilerConfiguration specConfiguration() {
        CompilerConfiguration config = FwshCompiler.configuration();
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports("fwsh.shell.pack", "spock.lang");
        config.addCompilationCustomizers(imports, new SessionGuard());
        return config;
    }

    /** Compiles every spec (and helper class) under specs/ into {@code classes}; returns a loader for them. */
    static URLClassLoader compileSpecs(Path packDir, List<Path> sources, Path classes) {
        CompilerConfiguration config = specConfiguration();
        config.setTargetDirectory(classes.toFile());
        CompilationUnit unit = new CompilationUnit(config, null, new groovy.lang.GroovyClassLoader(PackCompiler.class.getClassLoader()));
        for (Path s : sources) unit.addSource(s.toFile());
        try {
            unit.compile();
        } catch (CompilationFailedException e) {
            throw new UsageException("pack specs do not compile:\n  " + String.join("\n  ", describe(packDir, e)));
        }
        try {
            return new URLClassLoader(new URL[]{classes.toUri().toURL()}, PackCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One "file:line:column: message" per compiler error. */
    static List<String> describe(Path packDir, CompilationFailedException e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof MultipleCompilationErrorsException m) {
            for (Message msg : m.getErrorCollector().getErrors()) lines.add(describe(packDir, msg));
        } else {
            lines.add(e.getMessage());
        }
        return lines;
    }

    private static String describe(Path packDir, Message msg) {
        if (msg instanceof SyntaxErrorMessage s) {
            SyntaxException x = s.getCause();
            return relative(packDir, x.getSourceLocator()) + ":" + x.getLine() + ":" + x.getStartColumn() + ": " + x.getOriginalMessage();
        }
        if (msg instanceof ExceptionMessage x) return String.valueOf(x.getCause());
        if (msg instanceof SimpleMessage s) return s.getMessage();
        return msg.toString();
    }

    static String relative(Path packDir, String source) {
        try {
            Path p = Path.of(source).toAbsolutePath().normalize();
            Path root = packDir.toAbsolutePath().normalize();
            return p.startsWith(root) ? root.relativize(p).toString() : source;
        } catch (RuntimeException e) {
            return source;
        }
    }
}
