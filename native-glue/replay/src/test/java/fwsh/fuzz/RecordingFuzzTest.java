package fwsh.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fwsh.channel.ChannelException;
import fwsh.replay.RecordedCall;
import fwsh.replay.RecordedDevice;
import fwsh.replay.Recording;
import fwsh.replay.RecordingFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary bytes read as a replay recording: a Recording (damaged lines skipped, each one error line), or a
 * RecordingFormatException naming the line when the header cannot be read.
 */
class RecordingFuzzTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("fwsh-fuzz-", ".fwrec");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void read(byte[] data) throws IOException {
        Files.write(FILE, data);
        Recording r;
        try {
            r = Recording.read(FILE);
        } catch (RecordingFormatException e) {
            Clear.check(e);
            return;
        } catch (ChannelException e) {
            throw new AssertionError("a readable file must not fail with " + e, e);
        }
        for (RecordedDevice d : r.devices()) {
            for (RecordedCall c : d.calls()) c.toString();
            d.rpcs();
        }
        for (String e : r.errors()) {
            if (e.isBlank() || e.indexOf('\n') >= 0) throw new AssertionError("error is not one line: " + e);
        }
        r.header().toString();
        r.toString();
    }
}
