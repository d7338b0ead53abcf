package fwsh.dsl;

import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

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
        StringBuilder s = new StringBuilder(String.valueOf(config.getScriptBaseClass())).append(' ').append(config.getTargetBytecode())
                .append(' ').append(String.join(",", STAR_IMPORTS)).append(' ').append(String.join(",", IMPORTS));
        config.getCompilationCustomizers().forEach(c -> s.append(' ').append(c.getClass().getName()));
        s.append(' ').append(config.getOptimizationOptions()).append(' ').append(config.getSourceEncoding());
        return s.toString();
    }
}
