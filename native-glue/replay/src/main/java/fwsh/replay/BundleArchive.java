package fwsh.replay;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A support bundle ({@code fwsh bundle}: a tar.gz) read as a recording: its {@code recording.jsonl} entry, at the top
 * or in the bundle's one top-level folder, streamed out of the archive, so {@code --replay BUNDLE.tar.gz} needs no
 * unpacking.
 */
final class BundleArchive {
    /** The entry a bundle keeps its recording in. */
    static final String RECORDING = "recording.jsonl";

    private BundleArchive() {
    }

    /** gzip's magic bytes (the first two of {@code head}): what tells a bundle from a JSON-lines recording. */
    static boolean isGzip(int b0, int b1) {
        return b0 == 0x1f && b1 == 0x8b;
    }

    /**
     * The bytes of the bundle's recording, read from {@code gzip} (the file's content) up to that entry only; a
     * RecordingFormatException naming the file when there is none to read.
     */
    static byte[] recording(Path file, InputStream gzip) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(gzip))) {
            int entries = 0;
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries++;
                if (e.isFile() && isRecording(e.getName())) return tar.readAllBytes();
            }
            throw new RecordingFormatException(file, 0, entries == 0
                    ? "a gzip file that is not a tar archive of a fwsh bundle; give a bundle (fwsh bundle) or a recording (--record)"
                    : "a tar.gz without " + RECORDING + "; not a fwsh bundle (fwsh bundle writes one)");
        } catch (IOException | RuntimeException e) { // commons-compress reports some malformed headers unchecked
            if (e instanceof RecordingFormatException r) throw r;
            String why = e instanceof EOFException || e.getMessage() == null || e.getMessage().isBlank() ? "cut off"
                    : e.getMessage().lines().findFirst().orElse("").trim();
            throw new RecordingFormatException(file, 0, "damaged gzip or tar data (" + why + "); not a readable fwsh bundle");
        }
    }

    /** recording.jsonl or FOLDER/recording.jsonl. */
    private static boolean isRecording(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        int slash = n.indexOf('/');
        return n.equals(RECORDING) || slash > 0 && n.substring(slash + 1).equals(RECORDING);
    }
}
