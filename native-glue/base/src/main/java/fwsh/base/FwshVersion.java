package fwsh.base;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The fwsh version, from a resource the build fills in, for files that say which fwsh wrote them (recordings). */
public final class FwshVersion {
    private static final String VERSION = load();

    private FwshVersion() {
    }

    /** The version ("0.1.0-SNAPSHOT"), or null when the resource was not filled in. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = FwshVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() || v.startsWith("${") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }
}
