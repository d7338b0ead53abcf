package fwsh.bench;

import fwsh.counters.CounterDef;
import fwsh.counters.CounterSelection;
import fwsh.counters.CounterSource;
import fwsh.counters.SampleSeries;
import fwsh.counters.Sampler;
import fwsh.counters.SamplerStats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sampler schedule benchmark (a timed harness, not JMH: what matters is the schedule over seconds of real time,
 * not the throughput of a method). Samples 8 in-memory counters at 10 kHz for 10 s and prints the share of requested
 * samples taken, interval error p50/p99/max and the sampler thread's CPU use (ThreadMXBean); then the same with a CSV
 * stream; then searches the highest rate that still takes ≥ 99.5 % of its samples (2 s per step).
 * <p>
 * Run: {@code cd dsl && mvn -o -q test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt) fwsh.bench.SamplerRateBenchmark [seconds [nice]]}
 * where cp.txt comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * Targets: ≥ 99.5 % of samples, p99 interval error ≤ 100 µs, ≤ 50 % of one core at 10 kHz.
 */
public class SamplerRateBenchmark {

    /** Eight 64-bit counters advancing with host time: a read costs what a cheap in-memory read costs. */
    static final class MemorySource implements CounterSource {
        final List<CounterDef> defs = new ArrayList<>();

        MemorySource() {
            for (int i = 0; i < 8; i++) defs.add(CounterDef.counter("c" + i, "mem", "bench counter " + i, "packets", 64));
        }

        public String name() {
            return "mem";
        }

        public List<CounterDef> counters() {
            return defs;
        }

        public long read(int[] indices, long[] into) {
            long t = System.nanoTime();
            for (int k = 0; k < indices.length; k++) into[k] = (t >>> 10) * (indices[k] + 1);
            return NO_DEVICE_TIME;
        }
    }

    static int nice;

    static SamplerStats run(long periodNanos, Duration d, Path file) {
        Sampler.Builder b = Sampler.builder(CounterSelection.of(new MemorySource())).every(Duration.ofNanos(periodNanos)).duration(d)
                .ring(1024).nice(nice);
        if (file != null) b.file(file);
        try (Sampler sampler = b.build()) {
            SampleSeries s = sampler.await();
            if (nice != 0 && !sampler.niced()) System.out.println("(nice " + nice + " was not applied)");
            return s.stats();
        }
    }

    static String line(String what, SamplerStats s) {
        return String.format(Locale.ROOT, "%-22s %9.0f Hz  taken %7.3f%% (%d/%d, %d missed)  interval error p50 %6.1f µs p99 %6.1f µs max %8.1f µs  cpu %5.1f%%",
                what, 1e9 / s.periodNanos(), s.takenPercent(), s.taken(), s.requested(), s.missed(),
                s.p50ErrorNanos() / 1e3, s.p99ErrorNanos() / 1e3, s.maxErrorNanos() / 1e3, s.cpuPercent());
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        nice = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        System.out.println("sampler thread nice " + nice + (nice != 0 ? " (applied only with CAP_SYS_NICE)" : ""));
        System.out.println("cpus " + Runtime.getRuntime().availableProcessors() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        run(100_000, Duration.ofSeconds(1), null); // warm-up
        SamplerStats s = run(100_000, Duration.ofSeconds(seconds), null);
        System.out.println(line("10 kHz ring " + seconds + " s", s));
        Path f = Files.createTempFile("sampler-bench", ".csv");
        try {
            SamplerStats sf = run(100_000, Duration.ofSeconds(seconds), f);
            System.out.println(line("10 kHz csv " + seconds + " s", sf) + String.format(Locale.ROOT, "  file %.1f MB", Files.size(f) / 1e6));
        } finally {
            Files.deleteIfExists(f);
        }
        long best = 0;
        for (long p : new long[]{50_000, 40_000, 30_000, 20_000, 15_000, 10_000}) {
            SamplerStats r = run(p, Duration.ofSeconds(2), null);
            System.out.println(line("search 2 s", r));
            if (r.takenPercent() >= 99.5) best = p;
            else break;
        }
        System.out.println(best == 0 ? "highest sustained rate: below 20 kHz (see search lines)"
                : String.format(Locale.ROOT, "highest sustained rate (≥ 99.5%% taken): %.0f Hz", 1e9 / best));
        System.out.println("targets at 10 kHz: taken ≥ 99.5 %, p99 interval error ≤ 100 µs, cpu ≤ 50 % -> "
                + (s.takenPercent() >= 99.5 && s.p99ErrorNanos() <= 100_000 && s.cpuPercent() <= 50 ? "MET" : "NOT MET"));
    }
}
