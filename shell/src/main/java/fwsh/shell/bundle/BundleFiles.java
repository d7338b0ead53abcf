package fwsh.shell.bundle;

import fwsh.base.FileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bundle holds while it is collected: its files in a staging folder (by their name in the archive, in the
 * order they were written), what was skipped because the device does not offer it, and what is missing because
 * collecting it failed (interrupted, timed out, device removed, an error). Thread-safe: a phase that overran its
 * time bound may still be writing while the next one runs.
 */
final class BundleFiles {
    /** One skipped or missing item: the part of the bundle and the reason. */
    record Gap(String what, String reason) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", what);
            m.put("reason", reason);
            return m;
        }
    }

    private final Path staging;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<Gap> skipped = new ArrayList<>();
    private final List<Gap> missing = new ArrayList<>();

    BundleFiles(Path staging) {
        this.staging = staging;
    }

    Path staging() {
        return staging;
    }

    /** The staging path of NAME (folders made), taken into the bundle; the caller writes it. */
    synchronized Path file(String name) {
        Path p = staging.resolve(name).normalize();
        if (!p.startsWith(staging)) throw new IllegalArgumentException("bundle file '" + name + "' is outside the bundle");
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw FileException.of("create the folder", p.getParent(), e);
        }
        files.put(name, p);
        return p;
    }

    /** Drops NAME from the bundle (a capture that did not happen). */
    synchronized void forget(String name) {
        Path p = files.remove(name);
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // left in the staging folder, which is deleted as a whole
            }
        }
    }

    void text(String name, String text) {
        Path p = file(name);
        try {
            Files.writeString(p, text.endsWith("\n") || text.isEmpty() ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileException.of("write", p, e);
        }
    }

    /** Pretty JSON (groovy-json) of a DSL value: register values and results as their maps, bytes as hex. */
    void json(String name, Object value) {
        text(name, BundleJson.of(value));
    }

    synchronized void skip(String what, String reason) {
        skipped.add(new Gap(what, reason));
    }

    synchronized void missing(String what, String reason) {
        missing.add(new Gap(what, reason));
    }

    synchronized Map<String, Path> files() {
        return new LinkedHashMap<>(files);
    }

    synchronized List<Gap> skipped() {
        return List.copyOf(skipped);
    }

    synchronized List<Gap> missingList() {
        return List.copyOf(missing);
    }
}
