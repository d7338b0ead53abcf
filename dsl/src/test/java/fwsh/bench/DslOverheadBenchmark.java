package fwsh.bench;

import fwsh.channel.Channel;
import fwsh.channel.DeviceInfo;
import fwsh.channel.Scope;
import fwsh.channel.Transport;
import fwsh.channel.Umem;
import fwsh.dsl.Device;
import fwsh.dsl.FwshCompiler;
import fwsh.dsl.Session;
import fwsh.dsl.SessionOptions;
import fwsh.wire.Catalog;
import fwsh.wire.Layout;
import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DSL overhead per register read: {@code dev.reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3')} from a
 * compiled Groovy script against a raw {@code channel.rpc} with pre-built bytes, both on a zero-latency
 * channel that answers with a pre-built PPCNT reply. Target: <= 1 us and <= 1.5x.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DslOverheadBenchmark {
    private ZeroLatencyChannel channel;
    private byte[] rawIn;
    private Session session;
    private Closure<?> read;
    private Layout ppcnt;

    /** Answers every RPC with a copy of one reply, as fast as a channel can. */
    static final class ZeroLatencyChannel implements Channel {
        final byte[] reply;

        ZeroLatencyChannel(byte[] reply) {
            this.reply = reply;
        }

        public DeviceInfo info() {
            return new DeviceInfo("zero", Transport.EMULATED, Transport.MLX5CTL, "0000:00:00.0", null, 1, 1, 4,
                    List.of(), List.of(), null);
        }

        public byte[] rpc(Scope scope, byte[] in, int outLen) {
            byte[] out = new byte[outLen];
            System.arraycopy(reply, 0, out, 0, Math.min(outLen, reply.length));
            return out;
        }

        public boolean supportsUmem() {
            return false;
        }

        public Umem registerUmem(long size) {
            throw new UnsupportedOperationException();
        }

        public void close() {
        }
    }

    @Setup
    public void setup() {
        ppcnt = Catalog.builtin().register("PPCNT").layout();
        byte[] reply = new byte[16 + ppcnt.sizeBytes()];
        for (int i = 24; i < reply.length; i++) reply[i] = (byte) i;
        channel = new ZeroLatencyChannel(reply);
        rawIn = new byte[16 + ppcnt.sizeBytes()];
        rawIn[0] = 0x08;
        rawIn[1] = 0x05;
        rawIn[7] = 1;
        rawIn[10] = 0x50;
        rawIn[11] = 0x08;
        rawIn[17] = 1;

        session = Session.open(new SessionOptions().noHardware().emulate("cx6dx"));
        Device dev = session.attach(channel);
        Binding b = session.binding();
        b.setVariable("zdev", dev);
        GroovyShell shell = new GroovyShell(DslOverheadBenchmark.class.getClassLoader(), b, FwshCompiler.configuration());
        read = (Closure<?>) shell.evaluate("return { -> zdev.reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3') }");
    }

    @TearDown
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public void rawChannel(Blackhole bh) {
        byte[] out = channel.rpc(Scope.DEBUG_READ_ONLY, rawIn, rawIn.length);
        bh.consume(out);
    }

    @Benchmark
    public void dslRegisterRead(Blackhole bh) {
        bh.consume(read.call());
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(DslOverheadBenchmark.class.getSimpleName()).build()).run();
    }
}
