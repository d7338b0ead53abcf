package fwsh.shell;

import fwsh.dsl.Device;
import fwsh.dsl.engine.Capabilities;
import fwsh.dsl.engine.Decoded;
import fwsh.dsl.engine.Registers;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClassRegistry;
import org.codehaus.groovy.runtime.FormatHelper;

import java.util.List;

/**
 * Starts Groovy's runtime on a second thread while the main thread parses the command line and opens the
 * devices; the script needs both, so on two cores the two overlap. Two parts of a cold JVM's start cost about a
 * tenth of a second each: the meta-class registry, and the formatter behind {@code println x} and
 * {@code "$x"} (its static set-up scans the JDK for Groovy's default imports). Not for --version and --help,
 * which never start Groovy.
 */
final class RuntimeWarmUp {
    private RuntimeWarmUp() {
    }

    static void start(String[] args) {
        for (String a : args) {
            if (a.equals("--version") || a.equals("--help") || a.equals("-h")) return;
        }
        Thread t = new Thread(RuntimeWarmUp::warm, "fwsh-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        try {
            MetaClassRegistry registry = GroovySystem.getMetaClassRegistry();
            FormatHelper.toString(List.of(1));
            // what nearly every script touches first: dev.reg.NAME, dev.cap.TYPE and their decoded values
            for (Class<?> c : List.of(Device.class, Registers.class, Capabilities.class, Decoded.class)) registry.getMetaClass(c);
        } catch (Throwable ignored) {
            // the main thread meets the same problem when it starts Groovy, and reports it
        }
    }
}
