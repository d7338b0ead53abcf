package fwsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard pack's scripts, shipped as resources under fwsh-pack/: {@code fwsh link/health.groovy}
 * runs one when no such file exists in the working directory, and --list-scripts lists them with the
 * one-line purpose from their header ({@code // Purpose: ...}).
 */
final class PackScripts {
    static final String ROOT = "fwsh-pack/";

    private PackScripts() {
    }

    static boolean exists(String name) {
        return PackScripts.class.getClassLoader().getResource(ROOT + name) != null;
    }

    static String text(String name) throws IOException {
        try (InputStream in = PackScripts.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IOException("no pack script " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Script names relative to the pack root, sorted. */
    static List<String> names() {
        URL root = PackScripts.class.getClassLoader().getResource(ROOT + "pack.properties");
        if (root == null) return List.of();
        List<String> names = new ArrayList<>();
        try {
            if (root.getProtocol().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(root.toURI(), Map.of())) {
                    collect(fs.getPath("/" + ROOT), names);
                } catch (java.nio.file.FileSystemAlreadyExistsException open) {
                    collect(FileSystems.getFileSystem(root.toURI()).getPath("/" + ROOT), names);
                }
            } else {
                collect(Path.of(root.toURI()).getParent(), names);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    private static void collect(Path dir, List<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".groovy"))
                    .forEach(p -> names.add(dir.relativize(p).toString()));
        }
    }

    static String purpose(String name) {
        try {
            for (String line : text(name).split("\n")) {
                if (line.startsWith("// Purpose:")) return line.substring("// Purpose:".length()).trim();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    static String listing() {
        StringBuilder sb = new StringBuilder();
        List<String> names = names();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        for (String n : names) sb.append(String.format("%-" + width + "s  %s%n", n, purpose(n)));
        if (names.isEmpty()) sb.append("no pack scripts on the class path\n");
        return sb.toString();
    }
}
