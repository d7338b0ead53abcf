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
import fwsh.dsl.engine.Register;
import fwsh.wire.Catalog;
import fwsh.wire.Layout;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DSL overhead per register read: {@code dev.reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3')} run as a compiled
 * Groovy script against a raw {@code channel.rpc} with pre-built bytes, both on a zero-latency channel that answers
 * with a pre-built PPCNT reply. Target: <= 1 us and <= 1.5x.
 *
 * <p>{@code dslPreparedRead} is the polling form, {@code def r = dev.reg.PPCNT.prepare(...)} then {@code r.read()}.
 * The other rows say where the time goes: the same register read called from Java ({@code Register.read}, the
 * DSL's own work), the raw call made from a script, the two pieces of Groovy the script line itself costs (its
 * property chain and its named-argument map), and both reads on the emulated ConnectX, a channel that does work.
 *
 * <p>Run, after {@code mvn -o -q install -DskipTests} at the root (so the other modules resolve), {@code cd dsl && mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main
 * DslOverheadBenchmark -wi 5 -w 1 -i 8 -r 1 -f 1 -prof gc} ({@code -prof gc} adds bytes allocated per read).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DslOverheadBenchmark {
    private static final String READ = ".reg.PPCNT.read(local_port: 1, grp: 'ieee_802_3')";

    private ZeroLatencyChannel channel;
    private Channel emulator;
    private byte[] rawIn;
    private Session session;
    private Register ppcnt;
    private Map<String, Object> index;
    private Script dslRead, preparedRead, scriptRaw, propertyChain, namedArguments, emulatorDslRead;

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
        Layout layout = Catalog.builtin().register("PPCNT").layout();
        byte[] reply = new byte[16 + layout.sizeBytes()];
        for (int i = 24; i < reply.length; i++) reply[i] = (byte) i;
        channel = new ZeroLatencyChannel(reply);
        rawIn = new byte[16 + layout.sizeBytes()];
        rawIn[0] = 0x08;
        rawIn[1] = 0x05;
        rawIn[7] = 1;
        rawIn[10] = 0x50;
        rawIn[11] = 0x08;
        rawIn[17] = 1;

        session = Session.open(new SessionOptions().noHardware().emulate("cx6dx"));
        Device emulated = session.devices().get(0);
        emulator = emulated.rawChannel();
        Device dev = session.attach(channel);
        ppcnt = dev.getReg().get("PPCNT");
        index = new LinkedHashMap<>();
        index.put("local_port", 1);
        index.put("grp", "ieee_802_3");

        Binding b = session.binding();
        b.setVariable("zdev", dev);
        b.setVariable("edev", emulated);
        b.setVariable("zchannel", channel);
        b.setVariable("scope", Scope.DEBUG_READ_ONLY);
        b.setVariable("rawIn", rawIn);
        b.setVariable("zread", ppcnt.prepare(index));
        GroovyShell shell = new GroovyShell(DslOverheadBenchmark.class.getClassLoader(), b, FwshCompiler.configuration());
        dslRead = shell.parse("zdev" + READ);
        preparedRead = shell.parse("zread.read()");
        scriptRaw = shell.parse("zchannel.rpc(scope, rawIn, rawIn.length)");
        propertyChain = shell.parse("zdev.reg.PPCNT");
        namedArguments = shell.parse("[local_port: 1, grp: 'ieee_802_3']");
        emulatorDslRead = shell.parse("edev" + READ);
    }

    @TearDown
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public void rawChannel(Blackhole bh) {
        bh.consume(channel.rpc(Scope.DEBUG_READ_ONLY, rawIn, rawIn.length));
    }

    @Benchmark
    public void dslRegisterRead(Blackhole bh) {
        bh.consume(dslRead.run());
    }

    @Benchmark
    public void dslPreparedRead(Blackhole bh) {
        bh.consume(preparedRead.run());
    }

    @Benchmark
    public void javaRegisterRead(Blackhole bh) {
        bh.consume(ppcnt.read(index));
    }

    @Benchmark
    public void scriptRawChannel(Blackhole bh) {
        bh.consume(scriptRaw.run());
    }

    @Benchmark
    public void scriptPropertyChain(Blackhole bh) {
        bh.consume(propertyChain.run());
    }

    @Benchmark
    public void scriptNamedArguments(Blackhole bh) {
        bh.consume(namedArguments.run());
    }

    @Benchmark
    public void emulatorRawChannel(Blackhole bh) {
        bh.consume(emulator.rpc(Scope.DEBUG_READ_ONLY, rawIn, rawIn.length));
    }

    @Benchmark
    public void emulatorDslRegisterRead(Blackhole bh) {
        bh.consume(emulatorDslRead.run());
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(DslOverheadBenchmark.class.getSimpleName()).build()).run();
    }
}
