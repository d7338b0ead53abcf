package fwsh.shell.pack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard pack shipped on the class path (the scripts module's resources under fwsh-pack/: pack.properties,
 * scripts/, specs/). fwsh runs its scripts by name from there, and {@code fwsh test --standard} copies the
 * folder out to run its specs like any other pack.
 */
public final class StandardPack {
    /** The resource folder holding the pack. */
    public static final String RESOURCE = "fwsh-pack";

    /** Work on the pack folder as a Path (inside the jar, or the resource directory). */
    public interface Visitor<T> {
        T visit(Path root) throws IOException;
    }

    private StandardPack() {
    }

    /** Whether the standard pack is on the class path. */
    public static boolean present() {
        return manifestUrl() != null;
    }

    private static URL manifestUrl() {
        return StandardPack.class.getClassLoader().getResource(RESOURCE + "/" + PackManifest.FILE);
    }

    /** Runs {@code visitor} on the pack folder; fails with one line when the pack is not on the class path. */
    public static <T> T withRoot(Visitor<T> visitor) throws IOException {
        URL manifest = manifestUrl();
        if (manifest == null) throw new IOException("the standard pack (" + RESOURCE + "/) is not on the class path");
        URI uri;
        try {
            uri = manifest.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the standard pack: " + e.getMessage(), e);
        }
        if (!uri.getScheme().equals("jar")) return visitor.visit(Path.of(uri).getParent());
        FileSystem own = null;
        FileSystem fs;
        try {
            fs = own = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException open) {
            fs = FileSystems.getFileSystem(uri);   // opened elsewhere: use it, leave it open
        }
        try {
            return visitor.visit(fs.getPath("/" + RESOURCE));
        } finally {
            if (own != null) own.close();
        }
    }

    /** Copies the pack folder to {@code target} (created; must not exist or be empty) and returns target. */
    public static Path extract(Path target) throws IOException {
        Files.createDirectories(target);
        return withRoot(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted().toList()) {
                    // the jar's paths are in another file system: resolve by the relative path's text
                    Path to = target.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
            return target;
        });
    }
}
