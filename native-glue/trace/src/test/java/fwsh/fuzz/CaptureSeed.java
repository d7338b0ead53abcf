package fwsh.fuzz;

import fwsh.trace.StringDb;
import fwsh.trace.TraceBlock;
import fwsh.trace.TraceCaptureWriter;
import fwsh.trace.TracerCaps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the binary seed of the trace capture fuzz corpus from the real writer, so the corpus starts from a
 * valid file. Run once from native-glue/trace: {@code java -cp target/test-classes:target/classes:...
 * fwsh.fuzz.CaptureSeed src/test/resources}. Text seeds are copied by hand.
 */
public final class CaptureSeed {
    private CaptureSeed() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources").resolve("fwsh/fuzz");
        capture(Files.createDirectories(root.resolve("TraceCaptureReaderFuzzTestInputs/read")).resolve("valid.trc"));
    }

    static void capture(Path file) throws IOException {
        byte[] db = new byte[64];
        byte[] fmt = "port %d link %s 0x%llx\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fmt, 0, db, 0, fmt.length);
        StringDb strings = new StringDb(List.of(new StringDb.Section(0x40000, db.length, db)));
        TracerCaps caps = new TracerCaps(1, 0x10, 0x10, 4 * TraceBlock.SIZE, 1000);
        try (TraceCaptureWriter w = TraceCaptureWriter.create(file, Map.of("name", "emu0"), caps, strings)) {
            long[] ev = new long[TraceBlock.EVENTS];
            for (int i = 0; i < ev.length; i++) ev[i] = ((long) 0x10 << 56) | i; // string events, tmsn i
            ev[31] = 0x0100_0000_0000_0001L;                                        // a timestamp event
            w.block(ev, 0, 1);
            w.overrun(2, 5, 1, 1);
            w.stringDb(strings);
            w.block(ev, 3, 6);
        }
    }
}
