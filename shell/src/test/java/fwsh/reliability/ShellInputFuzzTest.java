package fwsh.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Jazzer entry points for the shell's input parsers; the targets are in ShellInputTargets (Groovy, which can
 * reach the package-private shell classes). Groovy test classes are compiled after Java ones, so they are
 * looked up at run time. Corpora: src/test/resources/fwsh/reliability/ShellInputFuzzTestInputs/METHOD/.
 */
class ShellInputFuzzTest {

    private static MethodHandle target(String name) {
        try {
            Class<?> c = Class.forName("fwsh.reliability.ShellInputTargets");
            return MethodHandles.publicLookup().findStatic(c, name, MethodType.methodType(void.class, byte[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fuzz target " + name + " is missing: " + e, e);
        }
    }

    private static final MethodHandle LEXER = target("lexer");
    private static final MethodHandle REPL_PARSER = target("replParser");
    private static final MethodHandle OPTIONS = target("options");

    @FuzzTest
    void lexer(byte[] data) throws Throwable {
        LEXER.invokeExact(data);
    }

    @FuzzTest
    void replParser(byte[] data) throws Throwable {
        REPL_PARSER.invokeExact(data);
    }

    @FuzzTest
    void options(byte[] data) throws Throwable {
        OPTIONS.invokeExact(data);
    }
}
