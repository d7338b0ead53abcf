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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seeds of the recording fuzz corpus (valid.fwrec was written in format version 1 and is kept so) from the real writer, so the corpus starts from a valid
 * file. Run once from native-glue/replay: {@code java -cp target/test-classes:target/classes:...
 * fwsh.fuzz.RecordingSeed src/test/resources}.
 */
public final class RecordingSeed {
    private RecordingSeed() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources").resolve("fwsh/fuzz");
        Path dir = Files.createDirectories(root.resolve("RecordingFuzzTestInputs/read"));
        recording(dir.resolve("valid.fwrec"));
        twoDevices(dir.resolve("two-devices.fwrec"));
    }

    /** Version 2: a second device recorded into the same file. */
    static void twoDevices(Path file) {
        EmulatedDevice a = Emulator.create("cx6dx", Transport.FWCTL, EmuClock.virtual(), 3);
        EmulatedDevice b = Emulator.create("cx7", Transport.MLX5CTL, EmuClock.virtual(), 4);
        try (RecordingChannel ra = RecordingChannel.create(a, file); RecordingChannel rb = ra.record(b)) {
            ra.rpc(Scope.CONFIGURATION, Mailbox.newInput(16, Opcode.QUERY_HCA_CAP, 1), 0x1010);
            rb.rpc(Scope.DEBUG_READ_ONLY, Mailbox.newInput(16, Opcode.NOP, 0), 16);
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
