package fwsh.shell.bundle;

import fwsh.base.FileException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a bundle's entries back (specs and the pack-spec hook): name inside the bundle's folder → bytes. */
public final class BundleReader {
    private BundleReader() {
    }

    /** Every entry, by its name without the bundle's top folder ("manifest.json", "devices/emu0/registers.json"). */
    public static Map<String, byte[]> entries(Path bundle) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(bundle))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isFile()) continue;
                String name = e.getName();
                out.put(name.substring(name.indexOf('/') + 1), tar.readAllBytes());
            }
        } catch (IOException e) {
            throw FileException.of("read the bundle", bundle, e);
        }
        return out;
    }

    /** One entry's text, or a FileException naming the entries there are. */
    public static String text(Path bundle, String entry) {
        Map<String, byte[]> all = entries(bundle);
        byte[] b = all.get(entry);
        if (b == null) throw new FileException("bundle " + bundle + " has no " + entry + "; it has " + String.join(", ", all.keySet()), null);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
