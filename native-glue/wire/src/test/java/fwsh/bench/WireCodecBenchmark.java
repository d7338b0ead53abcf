package fwsh.bench;

import fwsh.wire.Catalog;
import fwsh.wire.Field;
import fwsh.wire.Layout;
import fwsh.wire.Mlx5IfcImporter;
import fwsh.wire.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * PPCNT decode (eager and lazy), ACCESS_REG encode, and import of a full-size mlx5_ifc.h.
 * Run, after {@code mvn -o -q install -DskipTests} at the root (so the other modules resolve), in native-glue/wire:
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}, then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.WireCodecBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WireCodecBenchmark {
    Layout ppcnt;
    Layout accessIn;
    byte[] ppcntBuf;
    Field rxCrc;
    Field rxPackets;
    Map<String, Object> request;
    String header;

    @Setup
    public void setup() throws Exception {
        Catalog c = Catalog.builtin();
        ppcnt = c.register("PPCNT").layout();
        accessIn = c.command("ACCESS_REG").in();
        ppcntBuf = new byte[256];
        new Random(1).nextBytes(ppcntBuf);
        ppcntBuf[3] = 0; // grp = ieee_802_3
        rxCrc = ppcnt.field("counter_set.a_frame_check_sequence_errors");
        rxPackets = ppcnt.field("counter_set.a_frames_received_ok");
        request = Map.of("opcode", 0x805, "op_mod", "read", "register_id", 0x5008, "argument", 0);
        Path real = Path.of(System.getProperty("fwsh.bench.ifc", "/usr/src/linux-headers-6.1.0-55-common/include/linux/mlx5/mlx5_ifc.h"));
        header = Files.isRegularFile(real) ? Files.readString(real) : synthetic(12000);
    }

    /** A header of about {@code lines} lines in the mlx5_ifc.h style. */
    static String synthetic(int lines) {
        StringBuilder sb = new StringBuilder("enum {\n");
        for (int i = 0; i < 200; i++) sb.append("\tMLX5_CMD_OP_OP").append(i).append(" = 0x").append(Integer.toHexString(0x100 + i)).append(",\n");
        sb.append("};\n");
        int n = 0;
        while (sb.chars().filter(ch -> ch == '\n').count() < lines) {
            sb.append("struct mlx5_ifc_s").append(n).append("_bits {\n");
            for (int f = 0; f < 16; f++) sb.append("\tu8         f").append(f).append("[0x").append(Integer.toHexString(f % 2 == 0 ? 8 : 0x18)).append("];\n");
            if (n > 0) sb.append("\tstruct mlx5_ifc_s").append(n - 1).append("_bits nested;\n");
            sb.append("\tu8         reserved_at_x[0x20];\n};\n\n");
            n++;
        }
        return sb.toString();
    }

    @Benchmark
    public Value ppcntDecodeAll() {
        return ppcnt.decode(ppcntBuf, 0);
    }

    @Benchmark
    public long ppcntLazyTwoCounters() {
        Value v = ppcnt.view(ppcntBuf, 0);
        return v.getLong("counter_set.a_frame_check_sequence_errors") + v.getLong("counter_set.a_frames_received_ok");
    }

    @Benchmark
    public long ppcntPrecomputedFields() {
        return rxCrc.get(ppcntBuf, 0) + rxPackets.get(ppcntBuf, 0);
    }

    @Benchmark
    public byte[] accessRegEncode() {
        return accessIn.encode(request);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public Catalog importHeader() {
        return Mlx5IfcImporter.parse(header, "mlx5_ifc.h");
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(WireCodecBenchmark.class.getSimpleName()).build()).run();
    }
}
