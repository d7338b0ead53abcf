package fwsh.bench;

import fwsh.channel.Mailbox;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.emu.EmuClock;
import fwsh.emu.EmulatedDevice;
import fwsh.emu.Emulator;
import fwsh.emu.VirtualClock;
import fwsh.wire.Bits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Duration;

/**
 * RPCs per second of the emulated device on one thread, through the full Channel.rpc path
 * (policy check, uid forcing, dispatch, register model, reply allocation).
 * Run, after {@code mvn -o -q install -DskipTests} at the root (so the other modules resolve), in native-glue/emu:
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}, then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.EmuRpcBenchmark}
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EmuRpcBenchmark {
    private EmulatedDevice fwctl;
    private EmulatedDevice mlx5ctl;
    private VirtualClock clock;
    private byte[] ppcntIn;
    private byte[] capIn;
    private byte[] mtmpIn;

    @Setup
    public void setup() {
        clock = EmuClock.virtual();
        fwctl = Emulator.create("cx6dx", Transport.FWCTL, clock, 1);
        mlx5ctl = Emulator.create("cx6dx", Transport.MLX5CTL, clock, 1);
        ppcntIn = Mailbox.newInput(16 + 256, 0x805, 1);
        Bits.set(ppcntIn, 0, Bits.prmOffset(0x08, 15), 16, 0x5008);
        Bits.set(ppcntIn, 16, Bits.prmOffset(0x00, 23), 8, 1);
        capIn = Mailbox.newInput(16, 0x100, 0x01);
        mtmpIn = Mailbox.newInput(16 + 0x20, 0x805, 1);
        Bits.set(mtmpIn, 0, Bits.prmOffset(0x08, 15), 16, 0x900a);
    }

    @Benchmark
    public byte[] ppcntReadFwctl() {
        clock.advance(Duration.ofNanos(1000));
        return fwctl.rpc(Scope.DEBUG_READ_ONLY, ppcntIn, 16 + 256);
    }

    @Benchmark
    public byte[] ppcntReadMlx5ctl() {
        return mlx5ctl.rpc(null, ppcntIn, 16 + 256);
    }

    @Benchmark
    public byte[] queryHcaCap() {
        return fwctl.rpc(Scope.CONFIGURATION, capIn, 16 + 4096);
    }

    @Benchmark
    public byte[] mtmpRead() {
        return fwctl.rpc(Scope.DEBUG_READ_ONLY, mtmpIn, 16 + 0x20);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(EmuRpcBenchmark.class.getSimpleName())
                .warmupIterations(2).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .forks(1).build()).run();
    }
}
