package fwsh.bench;

import fwsh.trace.StringDb;
import fwsh.trace.TraceBlock;
import fwsh.trace.TraceDecoder;
import fwsh.trace.TraceFormatter;
import fwsh.trace.TraceMessage;
import fwsh.trace.TraceSink;
import fwsh.trace.TracerCaps;
import fwsh.trace.TracerEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Firmware trace decode throughput, single thread, over a realistic 256 KB ring (1024 blocks): messages with
 * 0 to 7 parameters (some %llx, widths, %#x), interleaved over several event ids and tmsn values, a timestamp
 * event closing every block.
 * <ul>
 * <li>{@code ringToMessages}: ring walk + message assembly to the zero-allocation message view (ops = events);</li>
 * <li>{@code ringToRecords}: same, materialising an immutable TraceRecord (formatted text) per message (ops = events);</li>
 * <li>{@code ringToLines}: same, printing tracepoint-format lines through TraceFormatter (ops = lines).</li>
 * </ul>
 * Run, after {@code mvn -o -q install -DskipTests} at the root (so the other modules resolve), in native-glue/trace:
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}
 * then {@code java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.TraceDecodeBenchmark}
 * (JMH, wall clock), or with {@code --cpu-time} for figures per second of thread CPU time (for a loaded machine).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceDecodeBenchmark {

    static final int BLOCKS = 1024;
    static final int EVENTS = BLOCKS * TraceBlock.EVENTS;
    static final long BASE = 0x40000;

    static final String[] FORMATS = {
            "link state changed",                                   // 0
            "port %d admin up",                                     // 1
            "QP 0x%x moved to state %d",                            // 2
            "cmd 0x%x opmod %d status 0x%02x",                      // 3
            "eq %d cons_idx 0x%08x addr 0x%llx",                    // 4
            "%s-free: vport %d func %d mac %04x%08x pkts %u",       // invalid on purpose: BAD_FORMAT, 5 '%' (counted in mix)
            "icm page 0x%llx size %d flags %#x refs %u",            // 6
            "dump [%03d]: %08x %08x %08x %08x %08x %08x",           // 7
    };
    static final int[] MIX = {0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7, 7, 1, 2, 3}; // mostly short messages, some long, one BAD_FORMAT

    ByteBuffer ring;
    TraceDecoder toMessages, toRecords, toLines;
    long messages;
    NullAppendable sinkOut = new NullAppendable();
    TraceFormatter formatter;

    static final class NullAppendable implements Appendable {
        long chars;
        @Override public Appendable append(CharSequence csq) { chars += csq.length(); return this; }
        @Override public Appendable append(CharSequence csq, int start, int end) { chars += end - start; return this; }
        @Override public Appendable append(char c) { chars++; return this; }
    }

    @Setup(Level.Trial)
    public void setup(Blackhole bh) {
        byte[] db = new byte[0x1000];
        int[] ptr = new int[FORMATS.length];
        int off = 0x10;
        for (int i = 0; i < FORMATS.length; i++) {
            byte[] s = FORMATS[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, db, off, s.length);
            ptr[i] = (int) (BASE + off);
            off += (s.length + 16) & ~15;
        }
        StringDb strings = new StringDb(List.of(new StringDb.Section(BASE, db.length, db)));
        TracerCaps caps = new TracerCaps(1, 0x10, 0x40, BLOCKS * TraceBlock.SIZE, 0);

        ring = ByteBuffer.allocateDirect(BLOCKS * TraceBlock.SIZE);
        Random rnd = new Random(7);
        List<Long> pending = new ArrayList<>();
        long ts = 1_000_000;
        int tmsn = 0;
        for (int b = 0; b < BLOCKS; b++) {
            for (int e = 0; e < 31; e++) {
                if (pending.isEmpty()) {
                    int f = MIX[rnd.nextInt(MIX.length)];
                    int id = 0x10 + rnd.nextInt(4);
                    int n = FORMATS[f].replace("%llx", "%x%x").split("%", -1).length - 1;
                    if (f == 5) n = 0; // BAD_FORMAT: its parameters would be dropped anyway
                    tmsn = (tmsn + 1) & 0x1FFF;
                    pending.add(TracerEvent.encodeString(false, (int) ((ts + e) & 0x7F), id, tmsn, 0, ptr[f]));
                    for (int p = 1; p <= n; p++)
                        pending.add(TracerEvent.encodeString(false, (int) ((ts + e) & 0x7F), id, tmsn, p & 7, rnd.nextInt()));
                }
                ring.putLong(b * TraceBlock.SIZE + e * 8, pending.remove(0));
            }
            ts += 40 + rnd.nextInt(20);
            ring.putLong(b * TraceBlock.SIZE + 31 * 8, TracerEvent.encodeTimestamp(ts, 0));
        }

        TraceSink count = m -> { messages++; bh.consume(m.timestamp() ^ m.eventId() ^ m.paramCount()); };
        toMessages = new TraceDecoder(caps, strings, count);
        toRecords = new TraceDecoder(caps, strings, m -> bh.consume(m.toRecord()));
        formatter = new TraceFormatter(sinkOut);
        toLines = new TraceDecoder(caps, strings, formatter);
        // lines per ring pass, for the lines/s figure
        toLines.resetRing();
        long before = formatter.lines();
        toLines.poll(ring);
        linesPerPass = formatter.lines() - before;
        System.out.println("\n[ring] " + EVENTS + " events, " + linesPerPass + " messages per pass");
    }

    static long linesPerPass;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int ringToMessages() {
        toMessages.resetRing();
        return toMessages.poll(ring);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int ringToRecords() {
        toRecords.resetRing();
        return toRecords.poll(ring);
    }

    /** Ops are events; divide by events per message (printed at setup) for lines/s. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int ringToLines() {
        toLines.resetRing();
        return toLines.poll(ring);
    }

    /**
     * Thread-CPU-time figures: on a shared machine wall-clock throughput mostly measures the other load, so
     * this divides the work done by the CPU time the benchmark thread actually got.
     */
    static void cpuTimeFigures() {
        TraceDecodeBenchmark b = new TraceDecodeBenchmark();
        b.setup(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        String[] names = {"ringToMessages", "ringToRecords", "ringToLines"};
        for (int w = 0; w < 2; w++) {
            for (String name : names) {
                long t0 = mx.getCurrentThreadCpuTime();
                long passes = 0;
                while (mx.getCurrentThreadCpuTime() - t0 < 2_000_000_000L) {
                    for (int i = 0; i < 20; i++) {
                        switch (name) {
                            case "ringToMessages" -> b.ringToMessages();
                            case "ringToRecords" -> b.ringToRecords();
                            default -> b.ringToLines();
                        }
                    }
                    passes += 20;
                }
                double cpuS = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                if (w == 1) {
                    System.out.printf("[cpu-time] %-15s %6.1f M events/s  %6.2f M messages/s%n", name,
                            passes * EVENTS / cpuS / 1e6, passes * linesPerPass / cpuS / 1e6);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cpu-time")) {
            cpuTimeFigures();
            return;
        }
        new Runner(new OptionsBuilder()
                .include(TraceDecodeBenchmark.class.getSimpleName())
                .warmupIterations(2).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .forks(1)
                .build()).run();
    }
}
