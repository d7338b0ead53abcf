package fwsh.dsl;

import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.util.List;

/**
 * The one place the Groovy compiler configuration is built (as Job DSL's loader does): the REPL, batch
 * runs, script packs and the specs all compile through it, so a script behaves the same everywhere.
 */
public final class FwshCompiler {
    private static final List<String> STAR_IMPORTS = List.of("fwsh.dsl", "fwsh.dsl.engine", "java.time");
    private static final List<String> IMPORTS = List.of("fwsh.base.FwshException", "fwsh.channel.Scope", "fwsh.channel.Transport");

    private FwshCompiler() {
    }

    public static CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(FwshScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports(STAR_IMPORTS.toArray(new String[0]));
        imports.addImports(IMPORTS.toArray(new String[0]));
        // Ctrl-C interrupts the running thread; loops in user code must notice it.
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class));
        return config;
    }

    /** What in {@code config} decides the bytecode a script compiles to (the key of compiled-script caching). */
    static String describe(CompilerConfiguration config) {
        StringBuilder s = new StringBuilder(String.valueOf(config.getScriptBaseClass())).append(' ').append(config.getTargetBytecode())
                .append(' ').append(STAR_IMPORTS).append(' ').append(IMPORTS);
        config.getCompilationCustomizers().forEach(c -> s.append(' ').append(c.getClass().getName()));
        s.append(' ').append(config.getOptimizationOptions()).append(' ').append(config.getSourceEncoding());
        return s.toString();
    }
}
