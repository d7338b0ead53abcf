package fwsh.shell.bundle;

import fwsh.base.FileException;
import groovy.json.JsonOutput;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the bundle: every collected file and {@code manifest.json} (each file's size and SHA-256, what was skipped
 * and what is missing) into one tar.gz (commons-compress), all under one folder named like the archive. Written to
 * FILE.part and renamed, so FILE is never a half-written archive.
 */
final class BundleWriter {
    static final String MANIFEST = "manifest.json";

    private BundleWriter() {
    }

    /** Writes the archive; returns the manifest it holds. {@code head}: the manifest's fields before the file list. */
    static Map<String, Object> write(Path out, BundleFiles files, Map<String, Object> head) {
        Map<String, Path> entries = files.files();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Map.Entry<String, Path> e : entries.entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", e.getKey());
            f.put("size", size(e.getValue()));
            f.put("sha256", sha256(e.getValue()));
            listed.add(f);
        }
        List<BundleFiles.Gap> missing = files.missingList();
        Map<String, Object> manifest = new LinkedHashMap<>(head);
        manifest.put("complete", missing.isEmpty());
        manifest.put("files", listed);
        manifest.put("skipped", files.skipped().stream().map(BundleFiles.Gap::toMap).toList());
        manifest.put("missing", missing.stream().map(BundleFiles.Gap::toMap).toList());
        byte[] json = (JsonOutput.prettyPrint(JsonOutput.toJson(manifest)) + "\n").getBytes(StandardCharsets.UTF_8);

        String top = folderName(out);
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(part));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getValue(), top + "/" + e.getKey());
                tar.putArchiveEntry(entry);
                Files.copy(e.getValue(), tar);
                tar.closeArchiveEntry();
            }
            TarArchiveEntry m = new TarArchiveEntry(top + "/" + MANIFEST);
            m.setSize(json.length);
            tar.putArchiveEntry(m);
            tar.write(json);
            tar.closeArchiveEntry();
            tar.finish();
        } catch (IOException e) {
            deleteQuietly(part);
            throw FileException.of("write the bundle", out, e);
        }
        try {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(part);
            throw FileException.of("write the bundle", out, e);
        }
        return manifest;
    }

    /** fwsh-bundle-h-20260101-120000.tar.gz holds the folder fwsh-bundle-h-20260101-120000/. */
    static String folderName(Path out) {
        String name = out.getFileName().toString();
        for (String ext : List.of(".tar.gz", ".tgz")) {
            if (name.endsWith(ext) && name.length() > ext.length()) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw FileException.of("read", p, e);
        }
    }

    static String sha256(Path p) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw FileException.of("read", p, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
