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

    /** ReleaseInfo, not GroovySystem.getVersion(), which would first build Groovy's whole meta-class registry. */
    static String line() {
        return "fwsh " + get() + " (Groovy " + org.codehaus.groovy.util.ReleaseInfo.getVersion()
                + ", Java " + System.getProperty("java.version") + ")";
    }
}
