package fwsh.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * A recording file read into memory: its header, its records in file order, and notes about
 * anything the reader tolerated (a cut-off last line, a missing end line).
 */
public final class Recording {
    private final Path file;
    private final RecordingHeader header;
    private final List<RecordedCall> calls;
    private final List<String> notes;
    private final boolean complete;

    Recording(Path file, RecordingHeader header, List<RecordedCall> calls, List<String> notes, boolean complete) {
        this.file = file;
        this.header = header;
        this.calls = List.copyOf(calls);
        this.notes = List.copyOf(notes);
        this.complete = complete;
    }

    /**
     * Reads and checks a whole recording.
     *
     * @throws RecordingFormatException for a bad header, an unsupported version or a corrupt record
     * @throws fwsh.channel.ChannelException (ENOENT, EACCES, EIO) when the file cannot be read
     */
    public static Recording read(Path file) {
        return RecordingReader.read(file);
    }

    public Path file() {
        return file;
    }

    public RecordingHeader header() {
        return header;
    }

    /** Every record (RPCs and umem calls) in file order. */
    public List<RecordedCall> calls() {
        return calls;
    }

    public List<RecordedRpc> rpcs() {
        return calls.stream().filter(c -> c instanceof RecordedRpc).map(c -> (RecordedRpc) c).toList();
    }

    /** What the reader tolerated, one line each (e.g. an incomplete last line after a crash). */
    public List<String> notes() {
        return notes;
    }

    /** True when the file has its end line (the recording channel was closed). */
    public boolean complete() {
        return complete;
    }

    @Override
    public String toString() {
        return "recording " + file + " of " + header.device().name() + " (" + calls.size() + " records"
                + (complete ? "" : ", incomplete") + ")";
    }
}
