package fwsh.replay;

import fwsh.channel.ChannelException;

import java.nio.file.Path;

/** A recording file that cannot be read: the message is one line naming the file, the line and the problem. */
public class RecordingFormatException extends ChannelException {
    private final Path file;
    private final int line;

    public RecordingFormatException(Path file, int line, String problem) {
        super(0, file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
