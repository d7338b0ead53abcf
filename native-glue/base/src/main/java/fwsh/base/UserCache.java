package fwsh.base;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Map;

/**
 * fwsh's cache folder (what start-up need not compute again: compiled scripts, imported catalogs):
 * {@code $FWSH_CACHE_DIR}, else {@code $XDG_CACHE_HOME/fwsh}, else {@code ~/.cache/fwsh}. Entries are written whole
 * or not at all, so runs at the same time never read half an entry.
 */
public final class UserCache {
    public static final String ENV_DIR = "FWSH_CACHE_DIR";

    private UserCache() {
    }

    /** The folder {@code name} in the cache, or null when there is no home to put it in. */
    public static Path dir(Map<String, String> env, String name) {
        String own = env.get(ENV_DIR);
        if (own != null && !own.isBlank()) return Path.of(own, name);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "fwsh", name);
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".cache", "fwsh", name);
    }

    /** Writes {@code bytes} to a temporary file beside {@code file} and moves it into place; false when it could not. */
    public static boolean write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "tmp-", ".part");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // read-only or full disk: the next run computes it again
        }
    }

    /**
     * Which build of {@code c}'s code this is: its jar's path, size and time (a rebuilt SNAPSHOT differs), so an entry
     * made by other code is never reused. Unknown: a value that never repeats.
     */
    public static String codeId(Class<?> c) {
        try {
            CodeSource src = c.getProtectionDomain().getCodeSource();
            Path p = Path.of(src.getLocation().toURI());
            return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime();
        }
    }
}
