package fwsh.dsl;

import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place the Groovy compiler configuration is built (as Job DSL's loader does): the REPL, batch
 * runs, pack scripts and pack specs all compile through it, so code behaves the same everywhere. Callers
 * add what is theirs on top (the REPL's persistent declarations, the pack specs' imports and session guard).
 */
public final class FwshCompiler {
    private static final String[] STAR_IMPORTS = {"fwsh.dsl", "fwsh.dsl.engine", "java.time"};
    /** The classes a user names in scripts (the README's examples among them), besides fwsh.dsl and fwsh.dsl.engine. */
    static final String[] IMPORTS = {
            "fwsh.base.FwshException", "fwsh.base.ArgumentException", "fwsh.base.FileException", "fwsh.channel.Scope", "fwsh.channel.Transport",
            "fwsh.dsl.trace.TraceFiles", "fwsh.dsl.trace.TraceSummary", "fwsh.dsl.dump.ResourceDump",
            "fwsh.counters.Delta", "fwsh.counters.SampleSeries", "fwsh.counters.Snapshot", "fwsh.counters.Watch",
    };

    private FwshCompiler() {
    }

    public static CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(FwshScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports(STAR_IMPORTS);
        imports.addImports(IMPORTS);
        config.addCompilationCustomizers(imports,
                // Ctrl-C interrupts the running thread; loops in user code must notice it.
                new ASTTransformationCustomizer(ThreadInterrupt.class),
                // System.exit(n) unwinds the script instead of halting the JVM under the session.
                new SystemExitCustomizer(),
                // 'up' == r.oper_status compares as r.oper_status == 'up' (an enum field equals its name).
                new NameOnTheRight());
        return config;
    }

    /** What in {@code config} decides the bytecode a script compiles to (the key of compiled-script caching). */
    static String describe(CompilerConfiguration config) {
        List<String> customizers = new ArrayList<>();
        config.getCompilationCustomizers().forEach(c -> customizers.add(c.getClass().getName()));
        return describe(config.getScriptBaseClass(), config, customizers);
    }

    /**
     * {@code describe(configuration())} without building it: the customizers cost a cold JVM about 0.2 s, which a
     * run whose script is already compiled ({@link ScriptCache}) need not pay. A spec keeps the two equal.
     */
    static String standardDescription() {
        return describe(FwshScript.class.getName(), new CompilerConfiguration(), List.of(ImportCustomizer.class.getName(),
                ASTTransformationCustomizer.class.getName(), SystemExitCustomizer.class.getName(), NameOnTheRight.class.getName()));
    }

    private static String describe(String baseClass, CompilerConfiguration config, List<String> customizers) {
        return baseClass + ' ' + config.getTargetBytecode() + ' ' + String.join(",", STAR_IMPORTS) + ' ' + String.join(",", IMPORTS)
                + ' ' + String.join(" ", customizers) + ' ' + config.getOptimizationOptions() + ' ' + config.getSourceEncoding();
    }
}
