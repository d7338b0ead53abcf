package fwsh.shell;

import fwsh.shell.pack.StandardPack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The standard pack's scripts, shipped as resources under fwsh-pack/scripts/: {@code fwsh link/health.groovy}
 * runs one when no such file exists in the working directory, and --list-scripts lists them with the
 * one-line purpose from their header ({@code // Purpose: ...}).
 */
final class PackScripts {
    static final String ROOT = StandardPack.RESOURCE + "/scripts/";

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

    /** Script names relative to the pack's scripts/ folder, sorted. */
    static List<String> names() {
        if (!StandardPack.present()) return List.of();
        try {
            return StandardPack.withRoot(root -> {
                Path dir = root.resolve("scripts");
                List<String> names = new ArrayList<>();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(p -> p.toString().endsWith(".groovy")).forEach(p -> names.add(dir.relativize(p).toString()));
                }
                names.sort(null);
                return names;
            });
        } catch (IOException | RuntimeException e) {
            return List.of();
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
