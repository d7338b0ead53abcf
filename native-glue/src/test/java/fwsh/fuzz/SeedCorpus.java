package fwsh.fuzz;

import fwsh.channel.Mailbox;
import fwsh.channel.Opcode;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.emu.EmuClock;
import fwsh.emu.EmulatedDevice;
import fwsh.emu.Emulator;
import fwsh.emu.FwStatus;
import fwsh.replay.RecordingChannel;
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
 * Writes the binary seeds of the fuzz corpora (a trace capture, a recording) from the real writers, so the
 * corpora start from valid files. Run once from native-glue: {@code java -cp target/test-classes:target/classes:...
 * fwsh.fuzz.SeedCorpus src/test/resources}. Text seeds (headers, ADB, catalog) are copied by hand.
 */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources").resolve("fwsh/fuzz");
        capture(dir(root, "TraceCaptureReaderFuzzTestInputs/read").resolve("valid.trc"));
        recording(dir(root, "RecordingFuzzTestInputs/read").resolve("valid.fwrec"));
    }

    private static Path dir(Path root, String sub) throws IOException {
        return Files.createDirectories(root.resolve(sub));
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

    static void recording(Path file) {
        EmulatedDevice dev = Emulator.create("cx6dx", Transport.FWCTL, EmuClock.virtual(), 3);
        try (RecordingChannel rec = RecordingChannel.create(dev, file)) {
            byte[] in = Mailbox.newInput(16, Opcode.QUERY_HCA_CAP, 1);
            rec.rpc(Scope.CONFIGURATION, in, 0x1010);
            dev.faults().failOpcode(Opcode.QUERY_ADAPTER, 1, FwStatus.BAD_PARAM);
            try {
                rec.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, Opcode.QUERY_ADAPTER, 0), 0x110);
            } catch (RuntimeException ignored) {
                // the recorded failure is what we want in the seed
            }
        }
    }
}
