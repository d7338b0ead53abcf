package fwsh.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The fwsh version, from a resource Maven fills in at build time. */
public final class Version {
    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/fwsh/shell/version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** ReleaseInfo, not GroovySystem.getVersion(), which would first build Groovy's whole meta-class registry. */
    public static String line() {
        return "fwsh " + get() + " (Groovy " + org.codehaus.groovy.util.ReleaseInfo.getVersion()
                + ", Java " + System.getProperty("java.version") + ")";
    }
}
