package fwsh.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * A recording file read into memory: its header, every device of the recorded session with its records, notes about
 * what the reader tolerated (a missing end line) and the damaged lines it skipped.
 */
public final class Recording {
    private final Path file;
    private final RecordingHeader header;
    private final List<RecordedDevice> devices;
    private final List<String> notes;
    private final List<String> errors;
    private final boolean complete;

    Recording(Path file, RecordingHeader header, List<RecordedDevice> devices, List<String> notes, List<String> errors,
              boolean complete) {
        this.file = file;
        this.header = header;
        this.devices = List.copyOf(devices);
        this.notes = List.copyOf(notes);
        this.errors = List.copyOf(errors);
        this.complete = complete;
    }

    /**
     * Reads and checks a whole recording. A damaged record line is skipped (see {@link #errors()}); only a header
     * that cannot be read refuses the file.
     *
     * @throws RecordingFormatException for a bad header or an unsupported version
     * @throws fwsh.channel.ChannelException (ENOENT, EACCES, EIO) when the file cannot be read
     */
    public static Recording read(Path file) {
        return RecordingReader.read(file);
    }

    public Path file() {
        return file;
    }

    /** The header line: format version, the fwsh that wrote it, and device 0. */
    public RecordingHeader header() {
        return header;
    }

    /** Every device of the recorded session: device 0 (the header's), then those the session added. */
    public List<RecordedDevice> devices() {
        return devices;
    }

    /** Device 0's records (RPCs and umem calls) in file order. */
    public List<RecordedCall> calls() {
        return devices.get(0).calls();
    }

    /** Device 0's RPCs. */
    public List<RecordedRpc> rpcs() {
        return devices.get(0).rpcs();
    }

    /** What the reader tolerated, one line each (a recorded session that did not close cleanly). */
    public List<String> notes() {
        return notes;
    }

    /**
     * The lines the reader skipped, one error each naming the file and line: a damaged record (it does not parse, or
     * a field is missing or wrong), a line cut off mid-record, lines after the end line.
     */
    public List<String> errors() {
        return errors;
    }

    /** True when the file has its end line (every recorded channel was closed). */
    public boolean complete() {
        return complete;
    }

    @Override
    public String toString() {
        int records = devices.stream().mapToInt(d -> d.calls().size()).sum();
        return "recording " + file + " of " + header.device().name() + (devices.size() > 1 ? " and " + (devices.size() - 1)
                + " more device" + (devices.size() > 2 ? "s" : "") : "") + " (" + records + " records"
                + (complete ? "" : ", incomplete") + (errors.isEmpty() ? "" : ", " + errors.size() + " damaged lines skipped") + ")";
    }
}
