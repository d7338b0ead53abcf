package fwsh.counters;

import fwsh.base.FwshException;
import fwsh.base.FileException;
import fwsh.base.ArgumentException;
import fwsh.backend.ThreadTuning;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a {@link CounterSelection} on a dedicated thread at a fixed period (down to 100 µs), on absolute deadlines
 * {@code start + k·period} so timing error never accumulates. Samples go to a bounded ring (oldest dropped and
 * counted), to a file streamed incrementally (CSV or JSON lines), and to an optional listener. Stops on its
 * duration, {@link #stop()}, {@link #close()}, or an interrupt of either the sampler thread or a thread waiting in
 * {@link #await()}. If the schedule falls a whole period or more behind, the missed slots are skipped and counted.
 * <pre>
 * try (Sampler s = Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofSeconds(5)).start()) {
 *     SampleSeries series = s.await();
 * }
 * </pre>
 */
public final class Sampler implements AutoCloseable {

    /** Shortest period accepted; below 100 µs the schedule is best effort. */
    public static final long MIN_PERIOD_NANOS = 10_000;

    private final CounterSelection selection;
    private final long period, requestedTotal;
    private final Ticker ticker;
    private final SampleRing ring;
    private final SampleWriter writer;
    private final Path file;
    private final SampleListener listener;
    private final AtomicBoolean stopFlag = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private final IntervalStats intervals = new IntervalStats();
    private volatile long taken, missed, firstT = -1, lastT = -1, cpuNanos = -1, startWall;
    private volatile RuntimeException failure;
    private volatile boolean started, niced;
    private final int niceValue;

    private Sampler(Builder b) throws IOException {
        this.selection = b.selection;
        this.period = b.periodNanos;
        this.requestedTotal = b.durationNanos <= 0 ? Long.MAX_VALUE : (b.durationNanos + period - 1) / period;
        this.ticker = b.ticker != null ? b.ticker : Ticker.system();
        int ringCap = b.ringCapacity >= 0 ? b.ringCapacity : defaultRing(requestedTotal, selection.size(), b.file != null);
        this.ring = ringCap == 0 ? null : new SampleRing(ringCap, selection.size());
        this.writer = b.file == null ? null
                : new SampleWriter(b.file, b.format != null ? b.format : SampleFormat.forPath(b.file), selection.defs(),
                selection.hasDeviceTime(), b.flushEveryNanos);
        this.file = b.file;
        this.listener = b.listener;
        this.niceValue = b.nice;
        this.thread = new Thread(this::loop, b.threadName);
        this.thread.setDaemon(true);
    }

    private static int defaultRing(long requested, int width, boolean toFile) {
        long cap = requested == Long.MAX_VALUE ? 100_000 : requested;
        if (toFile) cap = Math.min(cap, 10_000);
        return (int) Math.max(1, Math.min(cap, 8L * 1024 * 1024 / (width + 2)));
    }

    public static Builder builder(CounterSelection selection) {
        return new Builder(selection);
    }

    /** Starts the sampler thread (once). */
    public Sampler start() {
        synchronized (this) {
            if (started) throw new FwshException("this sampler was already started; build a new one");
            started = true;
        }
        thread.start();
        return this;
    }

    /** Asks the sampler to stop after the current sample; returns at once. */
    public void stop() {
        stopFlag.set(true);
        LockSupport.unpark(thread);
    }

    public boolean isRunning() {
        return started && done.getCount() > 0;
    }

    /**
     * Waits until the sampler ends and returns what it kept. If the waiting thread is interrupted (Ctrl-C), the
     * sampler is stopped, the partial series returned and the interrupt flag kept set. A failure of the source
     * (device gone...) is rethrown after the file is closed.
     */
    public SampleSeries await() {
        if (!started) start();
        boolean interrupted = false;
        while (thread.isAlive()) { // join, not the latch: when await returns the thread is gone
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                stop();
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
        return series();
    }

    /** Waits up to {@code timeout}; true when the sampler has ended. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!done.await(timeout, unit)) return false;
        thread.join();
        return true;
    }

    /** Stops the sampler, waits for its thread to end and closes the file. Safe to call more than once. */
    @Override
    public void close() {
        stop();
        if (started) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** True when a requested nice value was applied to the sampler thread. */
    public boolean niced() {
        return niced;
    }

    /** The sampler thread (for tests and diagnostics). */
    public Thread thread() {
        return thread;
    }

    public CounterSelection selection() {
        return selection;
    }

    /** Schedule statistics so far (final once the sampler ended). */
    public SamplerStats stats() {
        long t = taken, m = missed;
        long elapsed = firstT < 0 ? 0 : lastT - firstT;
        RuntimeException f = failure;
        return new SamplerStats(period, t + m, t, m, ring == null ? 0 : ring.dropped(), elapsed, intervals.meanInterval(),
                intervals.errorQuantile(0.50), intervals.errorQuantile(0.99), intervals.maxError(), intervals.meanLateness(),
                cpuNanos, f == null ? null : f.getMessage());
    }

    /** A copy of the samples in the ring so far (empty when the sampler streams to a file only). */
    public SampleSeries series() {
        if (ring == null)
            return new SampleSeries(selection.defs(), new long[0], null, new long[selection.size()][0], period, startWall, 0, stats());
        return ring.toSeries(selection.defs(), period, startWall, stats());
    }

    private void loop() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        if (ticker instanceof SystemTicker st) {
            st.periodHint(period);
            ThreadTuning.timerSlack(1_000);
            if (niceValue != 0) niced = ThreadTuning.nice(niceValue);
        }
        long[] values = new long[selection.size()];
        try {
            startWall = ticker.wallMillis();
            long t0 = ticker.nanoTime();
            long k = 0, prev = Long.MIN_VALUE, count = 0;
            while (k < requestedTotal) {
                long deadline = t0 + k * period;
                ticker.waitUntil(deadline, stopFlag);
                if (stopFlag.get() || Thread.currentThread().isInterrupted()) break;
                long now = ticker.nanoTime();
                if (now < deadline) continue; // woken early by a spurious unpark
                long dev = selection.read(values);
                // Stamp the middle of the read: a slow read (a cold first RPC) must not skew the first rate.
                long t = (now + ticker.nanoTime()) / 2 - t0;
                if (prev != Long.MIN_VALUE) intervals.add(t - prev, period, now - deadline);
                else firstT = t;
                prev = t;
                lastT = t;
                if (ring != null) ring.add(t, dev, values);
                if (writer != null) {
                    writer.write(t, dev, values);
                    writer.maybeFlush(now);
                }
                if (listener != null) listener.onSample(t, dev, values);
                taken = ++count;
                k++;
                long behind = ticker.nanoTime() - (t0 + k * period);
                if (behind >= period) { // a whole slot or more already passed: skip, do not burst
                    long skip = Math.min(behind / period, requestedTotal - k);
                    k += skip;
                    missed += skip;
                }
            }
        } catch (IOException e) {
            failure = FileException.of("write sample file", file, e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                if (writer != null) writer.close();
            } catch (IOException e) {
                if (failure == null) failure = FileException.of("close sample file", file, e);
            }
            if (cpu) cpuNanos = mx.getCurrentThreadCpuTime() - cpu0;
            done.countDown();
        }
    }

    /** Options for a {@link Sampler}. */
    public static final class Builder {
        private final CounterSelection selection;
        private long periodNanos = 1_000_000, durationNanos, flushEveryNanos = 100_000_000;
        private int ringCapacity = -1;
        private Path file;
        private SampleFormat format;
        private Ticker ticker;
        private SampleListener listener;
        private String threadName = "fwsh-sampler";
        private int nice;

        private Builder(CounterSelection selection) {
            if (selection == null) throw new IllegalArgumentException("sampler needs a counter selection");
            this.selection = selection;
        }

        /** Sampling period; at least 10 µs (100 µs and up is the supported range). */
        public Builder every(Duration period) {
            long p = period.toNanos();
            if (p < MIN_PERIOD_NANOS)
                throw new ArgumentException("sampling period " + Units.duration(p) + " is below the minimum "
                        + Units.duration(MIN_PERIOD_NANOS) + "; use every: 100.us or more");
            this.periodNanos = p;
            return this;
        }

        /** Stop after this long (ceil(duration / period) samples); zero or absent = until stopped. */
        public Builder duration(Duration d) {
            if (d.isNegative()) throw new ArgumentException("sampling duration " + d + " is negative");
            this.durationNanos = d.toNanos();
            return this;
        }

        /** Keep at most this many samples in memory (oldest dropped); 0 = none (file only). */
        public Builder ring(int capacity) {
            if (capacity < 0) throw new ArgumentException("ring capacity " + capacity + " must be ≥ 0");
            this.ringCapacity = capacity;
            return this;
        }

        /** Stream every sample to {@code path}; the format follows the extension (.csv, .jsonl). */
        public Builder file(Path path) {
            this.file = path;
            return this;
        }

        public Builder file(Path path, SampleFormat format) {
            this.file = path;
            this.format = format;
            return this;
        }

        /** How often buffered lines reach the file (default 100 ms). */
        public Builder flushEvery(Duration d) {
            this.flushEveryNanos = Math.max(0, d.toNanos());
            return this;
        }

        public Builder ticker(Ticker t) {
            this.ticker = t;
            return this;
        }

        public Builder listener(SampleListener l) {
            this.listener = l;
            return this;
        }

        /**
         * Asks Linux to run the sampler thread at this nice value (e.g. −10) so a busy machine preempts it less.
         * Best effort: needs CAP_SYS_NICE for negative values; {@link Sampler#niced()} says whether it took.
         */
        public Builder nice(int value) {
            if (value < -20 || value > 19) throw new ArgumentException("nice value " + value + " is outside −20..19");
            this.nice = value;
            return this;
        }

        public Builder threadName(String name) {
            this.threadName = name;
            return this;
        }

        /** Builds without starting (opens the file, so file errors surface here). */
        public Sampler build() {
            if (file == null && ringCapacity == 0 && listener == null)
                throw new ArgumentException("sampler has nowhere to put samples: give it a ring, a file or a listener");
            try {
                return new Sampler(this);
            } catch (IOException e) {
                throw FileException.of("open sample file", file, e);
            }
        }

        public Sampler start() {
            return build().start();
        }

        /** Builds, starts and waits: the blocking form scripts use. */
        public SampleSeries run() {
            try (Sampler s = build()) {
                return s.await();
            }
        }
    }
}
