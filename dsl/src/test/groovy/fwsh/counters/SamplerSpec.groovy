package fwsh.counters

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

@Timeout(20)
class SamplerSpec extends Specification {
    @TempDir Path dir
    def clock = new ManualTicker()
    def src = new VirtualSource('ppcnt', clock)
            .counter('rx_packets_phy', 1000)
            .counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
            .gauge('temperature', 8, 400)
    def sel = CounterSelection.of(src)

    static boolean noSamplerThreads() {
        !Thread.getAllStackTraces().keySet().any { it.name.startsWith('fwsh-sampler') && it.alive }
    }

    def "a sampler on virtual time takes exactly duration/period samples with exact values"() {
        when:
        def series = Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofSeconds(1)).ticker(clock).run()

        then:
        series.size() == 1000
        series.times()[0] == 0
        series.times()[999] == 999_000_000L
        (0..<1000).every { series.value('rx_packets_phy', it) == it }
        series.value('rx_bytes_phy', 10) == 15_000
        series.value('temperature', 999) == 400 + 7
        def st = series.stats()
        st.taken() == 1000 && st.requested() == 1000 && st.missed() == 0 && st.dropped() == 0
        st.p99ErrorNanos() == 0 && st.maxErrorNanos() == 0
        st.meanIntervalNanos() == 1_000_000d
        st.takenPercent() == 100d
        st.achievedHz() == 1000d
        noSamplerThreads()
    }

    def "rates of a sampled series are exact"() {
        given:
        def series = Sampler.builder(sel).every(Duration.ofMillis(10)).duration(Duration.ofMillis(100)).ticker(clock).run()

        when:
        def r = series.rates()

        then:
        r.size() == 9
        r.rate('rx_packets_phy').every { it == 1000d }
        r.rate('rx_bytes_phy').every { it == 1_500_000d }
        r.unit('rx_bytes_phy') == 'B/s'
        r.times()[0] == 0.01d
    }

    def "stop() ends an open-ended sampler and releases its thread"() {
        given:
        def reached = new CountDownLatch(100)
        def s = Sampler.builder(sel).every(Duration.ofMillis(1)).ticker(clock).ring(1000)
                .listener({ t, d, v -> reached.countDown() } as SampleListener).start()

        when:
        reached.await()
        s.stop()
        def series = s.await()

        then:
        series.stats().taken() >= 100
        series.size() == Math.min(1000, series.stats().taken())
        !s.thread().alive
        !s.isRunning()
        noSamplerThreads()
    }

    def "interrupting the sampler thread stops it"() {
        given:
        def reached = new CountDownLatch(10)
        def s = Sampler.builder(sel).every(Duration.ofMillis(1)).ticker(clock)
                .listener({ t, d, v -> reached.countDown() } as SampleListener).start()

        when:
        reached.await()
        s.thread().interrupt()
        def done = s.await(5, TimeUnit.SECONDS)

        then:
        done
        !s.thread().alive
        s.stats().taken() >= 10
    }

    def "interrupting the thread waiting in await (Ctrl-C) stops the sampler and returns the partial series"() {
        given:
        def reached = new CountDownLatch(10)
        def s = Sampler.builder(sel).every(Duration.ofMillis(1)).ticker(clock)
                .listener({ t, d, v -> reached.countDown() } as SampleListener).build()
        SampleSeries got = null
        boolean flagKept = false
        def waiter = Thread.start { got = s.await(); flagKept = Thread.currentThread().isInterrupted() }

        when:
        reached.await()
        waiter.interrupt()
        waiter.join(5000)

        then:
        !waiter.alive
        got != null && got.size() >= 10
        flagKept
        !s.thread().alive
    }

    def "close() on a running sampler leaves no thread behind, and close is idempotent"() {
        given:
        def real = Sampler.builder(sel).every(Duration.ofMillis(1)).start()   // real time, runs until closed
        def virt = Sampler.builder(sel).every(Duration.ofMillis(1)).ticker(clock).start()

        when:
        real.close()
        virt.close()
        virt.close()

        then:
        !real.thread().alive
        !virt.thread().alive
        noSamplerThreads()
    }

    def "on real time a short run ends by its duration"() {
        when:
        def series = Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofMillis(50)).run()

        then:
        series.stats().requested() == 50
        series.stats().taken() + series.stats().missed() == 50
        series.stats().taken() == series.size()
        series.stats().cpuNanos() >= 0
        noSamplerThreads()
    }

    def "the ring keeps the newest samples and counts the dropped ones"() {
        when:
        def series = Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofMillis(200)).ring(50).ticker(clock).run()

        then:
        series.size() == 50
        series.dropped() == 150
        series.stats().dropped() == 150
        series.times()[0] == 150_000_000L
        series.values('rx_packets_phy') as List == (150..199).collect { it as long }
    }

    def "a sampler that falls whole periods behind skips the missed slots instead of bursting"() {
        given:
        src.readCost = 2_500_000   // each read costs 2.5 virtual ms, the period is 1 ms

        when:
        def series = Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofMillis(100)).ticker(clock).run()
        def t = series.times()

        then:
        series.stats().taken() + series.stats().missed() == 100
        series.stats().missed() > 0
        (1..<t.length).every { t[it] - t[it - 1] >= 2_000_000 }   // never two reads closer than the slots allow
        series.stats().maxErrorNanos() <= 2_000_000
    }

    def "samples stream to CSV with a header row and exact values"() {
        given:
        def f = dir.resolve('s.csv')

        when:
        Sampler.builder(sel).every(Duration.ofMillis(1)).duration(Duration.ofMillis(5)).ticker(clock).file(f).run()
        def lines = Files.readAllLines(f)

        then:
        lines == ['t_ns,rx_packets_phy,rx_bytes_phy,temperature',
                  '0,0,0,400',
                  '1000000,1,1500,400',
                  '2000000,2,3000,400',
                  '3000000,3,4500,400',
                  '4000000,4,6000,400']
    }

    def "samples stream to JSON lines, with device time when the source has it"() {
        given:
        src.deviceTime = true
        def f = dir.resolve('s.jsonl')

        when:
        def series = Sampler.builder(CounterSelection.of(src)).every(Duration.ofMillis(2)).duration(Duration.ofMillis(6))
                .ticker(clock).file(f).ring(10).run()
        def rows = Files.readAllLines(f).collect { new JsonSlurper().parseText(it) }

        then:
        rows.size() == 3
        rows[1] == [t_ns: 2_000_000, device_ns: 7_002_000_000, rx_packets_phy: 2, rx_bytes_phy: 3000, temperature: 400]
        series.hasDeviceTime()
        series.deviceTimes() as List == [7_000_000_000L, 7_002_000_000L, 7_004_000_000L]
    }

    def "the file holds only complete lines while the sampler runs (what a crash or kill leaves)"() {
        given:
        def f = dir.resolve('live.csv')
        def hang = new CountDownLatch(1), hung = new CountDownLatch(1)
        def s = Sampler.builder(sel).every(Duration.ofMillis(1)).ticker(clock).file(f).flushEvery(Duration.ofMillis(10))
                .listener({ t, d, v -> if (t == 505_000_000L) { hung.countDown(); hang.await() } } as SampleListener).start()

        when: 'the sampler is stuck mid-run at sample 505, with lines still in its buffer'
        hung.await()
        def bytes = Files.readAllBytes(f)
        def text = new String(bytes, 'UTF-8')
        def lines = text.readLines()

        then: 'every line on disk is whole and parses, and the data reaches the last flush'
        text.endsWith('\n')
        lines[0] == 't_ns,rx_packets_phy,rx_bytes_phy,temperature'
        lines.size() - 1 >= 495     // flushed every 10 virtual ms
        lines.size() - 1 <= 506
        lines.drop(1).withIndex().every { l, i -> l == "${i * 1_000_000L},$i,${i * 1500L},${400 + (i * 8).intdiv(1000)}".toString() }

        cleanup:
        hang.countDown()
        s.close()
    }

    def "a failing source stops the sampler; await rethrows after the file is closed"() {
        given:
        def bad = new CounterSource() {
            int n
            String name() { 'bad' }
            List<CounterDef> counters() { [CounterDef.counter('x', 'bad', '', 'packets', 64)] }
            long read(int[] idx, long[] into) {
                if (++n == 10) throw new IllegalStateException('device gone: mlx5_0')
                into[0] = n
                NO_DEVICE_TIME
            }
        }
        def f = dir.resolve('bad.csv')
        def s = Sampler.builder(CounterSelection.of(bad)).every(Duration.ofMillis(1)).ticker(clock).file(f).build()

        when:
        s.await()

        then:
        def e = thrown(IllegalStateException)
        e.message == 'device gone: mlx5_0'
        s.series().size() == 9
        s.stats().failure() == 'device gone: mlx5_0'
        Files.readAllLines(f).size() == 10
        !s.thread().alive
    }

    def "bad options are refused with one line"() {
        when:
        Sampler.builder(sel).every(Duration.ofNanos(5_000))
        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == 'sampling period 5.0 µs is below the minimum 10.0 µs; use every: 100.us or more'

        when:
        Sampler.builder(sel).ring(0).build()
        then:
        e = thrown(fwsh.base.ArgumentException)
        e.message.startsWith('sampler has nowhere to put samples')

        when:
        Sampler.builder(sel).file(dir.resolve('x.txt')).build()
        then:
        e = thrown(fwsh.base.ArgumentException)
        e.message == 'cannot tell the format of x.txt; name it *.csv or *.jsonl'

        when:
        Sampler.builder(sel).file(dir.resolve('no/such/dir/x.csv')).build()
        then:
        def io = thrown(fwsh.base.FileException)
        io.message.startsWith('cannot open sample file')

        when:
        def s = Sampler.builder(sel).ticker(clock).duration(Duration.ofMillis(2)).build()
        s.start(); s.start()
        then:
        thrown(fwsh.base.FwshException)

        cleanup:
        s?.close()
    }
}
