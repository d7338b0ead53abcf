package fwsh.bench;

import fwsh.channel.Transport;
import fwsh.dsl.Device;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.dsl.nv.NvTable;
import fwsh.emu.EmulatedDevice;
import fwsh.emu.Emulator;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The full NV query of the cx7 profile (MNVQC for every item the definitions name, then every supported item in its
 * three access modes) with the emulator's latency fault at 200 µs per RPC: one RPC at a time against the default of
 * several in flight, interleaved, median of the runs. A timed harness, not JMH: what matters is wall time over
 * hundreds of slow RPCs. Target: several in flight ≤ ⅓ of one at a time.
 * <p>
 * Run: {@code cd dsl && mvn -o -q test-compile && mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt &&
 * java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.NvQueryBenchmark [runs] [latency-µs]}.
 */
public class NvQueryBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long micros = args.length > 1 ? Long.parseLong(args[1]) : 200;
        System.setProperty("fwsh.nv.noSystem", "true");
        EmulatedDevice emu = Emulator.create("cx7", Transport.FWCTL);
        try (Session s = Session.open(new SessionOptions().noHardware().journal(Files.createTempFile("nv-bench", ".jsonl")))) {
            Device dev = s.attach(emu);
            NvTable warm = dev.getNv().query();
            emu.faults().latency(Duration.ofNanos(micros * 1000));
            long[] serial = new long[runs], parallel = new long[runs];
            int rpcs = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                dev.getNv().query(Map.of("inFlight", 1));
                serial[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                dev.getNv().query();
                parallel[i] = System.nanoTime() - t0;
            }
            Arrays.sort(serial);
            Arrays.sort(parallel);
            double one = serial[runs / 2] / 1e6, many = parallel[runs / 2] / 1e6;
            System.out.printf(Locale.ROOT, "cx7 full NV query (%d parameters, %s), %d µs per RPC, median of %d:%n",
                    warm.size(), dev.getNv().getSource(), micros, runs);
            System.out.printf(Locale.ROOT, "  one RPC at a time   %8.1f ms%n", one);
            System.out.printf(Locale.ROOT, "  32 in flight        %8.1f ms  (%.2f of one at a time; target <= 0.33)%n", many, many / one);
        }
    }
}
