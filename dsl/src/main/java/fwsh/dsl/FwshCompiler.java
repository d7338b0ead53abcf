package fwsh.dsl;

import groovy.transform.ThreadInterrupt;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * The one place the Groovy compiler configuration is built (as Job DSL's loader does): the REPL, batch
 * runs, script packs and the specs all compile through it, so a script behaves the same everywhere.
 */
public final class FwshCompiler {
    private FwshCompiler() {
    }

    public static CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(FwshScript.class.getName());
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStarImports("fwsh.dsl", "fwsh.dsl.engine", "java.time");
        imports.addImports("fwsh.base.FwshException", "fwsh.channel.Scope", "fwsh.channel.Transport");
        // Ctrl-C interrupts the running thread; loops in user code must notice it.
        config.addCompilationCustomizers(imports, new ASTTransformationCustomizer(ThreadInterrupt.class));
        return config;
    }
}
