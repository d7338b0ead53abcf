package fwsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The fwsh version, from a resource Maven fills in at build time. */
final class Version {
    private Version() {
    }

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String line() {
        return "fwsh " + get() + " (Groovy " + groovy.lang.GroovySystem.getVersion()
                + ", Java " + System.getProperty("java.version") + ")";
    }
}
