package fwsh.counters

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import javax.imageio.ImageIO
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

class SeriesSpec extends Specification {
    @TempDir Path dir
    def clock = new ManualTicker()
    def src = new VirtualSource('ppcnt', clock)
            .counter('rx_packets_phy', 1000)
            .counter('rx_crc_errors_phy', 0)
            .counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
            .gauge('temperature', 80, 400)

    SampleSeries sample(int n, long periodMs, Closure onSample = null) {
        def sel = CounterSelection.of(src)
        Sampler.builder(sel).every(Duration.ofMillis(periodMs)).duration(Duration.ofMillis(n * periodMs)).ticker(clock)
                .listener({ t, d, v -> onSample?.call(t) } as SampleListener).run()
    }

    def "sparklines show rates of counters and values of gauges"() {
        given: 'CRC errors jump by 5 per sample in the second half'
        def series = sample(16, 100) { long t -> if (t >= 800_000_000L) src.set('rx_crc_errors_phy', 5 * ((t - 700_000_000L).intdiv(100_000_000L) as long)) }

        when:
        def lines = series.sparkline(16).readLines()

        then:
        lines[0] =~ /^name\s+range$/
        lines[1] =~ /^rx_packets_phy\s+▁{15}\s+1000\.\.1000 packets\/s$/
        lines[2].contains('▁▁▁▁▁▁▁▁███████')     // 8 intervals at 0 errors/s, then 7 at 50 errors/s
        lines[2].endsWith('0..50 packets/s')
        lines[4].contains('▁▁▂▂▃▃▄▄▅▅▆▆▇▇██')     // temperature: 400 → 520 over 1.5 s, 8 per sample
        lines[4].endsWith('400..520 0.125 C')
    }

    def "Sparkline maps min..max onto eight bars and averages when it must shrink"() {
        expect:
        Sparkline.of([0d, 1, 2, 3, 4, 5, 6, 7] as double[], 8) == '▁▂▃▄▅▆▇█'
        Sparkline.of([0d, 0, 7, 7] as double[], 2) == '▁█'
        Sparkline.of([3d, 3, 3] as double[], 10) == '▁▁▁'
        Sparkline.of([1d, Double.NaN, 2] as double[], 3) == '▁ █'
        Sparkline.of(new double[0], 5) == ''
    }

    def "a series writes CSV and JSON lines that read back exactly"() {
        given:
        def series = sample(5, 10)

        when:
        def csv = Files.readAllLines(series.toCsv(dir.resolve('a.csv')))
        def json = Files.readAllLines(series.toJsonLines(dir.resolve('a.jsonl').toString())).collect { new JsonSlurper().parseText(it) }

        then:
        csv[0] == 't_ns,rx_packets_phy,rx_crc_errors_phy,rx_bytes_phy,temperature'
        csv[3] == '20000000,20,0,30000,401'
        json.size() == 5
        json[4] == [t_ns: 40_000_000, rx_packets_phy: 40, rx_crc_errors_phy: 0, rx_bytes_phy: 60000, temperature: 403]
    }

    def "rate series write CSV with units"() {
        given:
        def r = sample(3, 500).rates()

        when:
        def csv = Files.readAllLines(r.toCsv(dir.resolve('r.csv')))

        then:
        csv[0] == 't_s,rx_packets_phy (packets/s),rx_crc_errors_phy (packets/s),rx_bytes_phy (B/s),temperature (0.125 C/s)'
        csv[1] == '0.5,1000.0,0.0,1500000.0,80.0'
        r.mean('rx_bytes_phy') == 1_500_000d
        r.max('rx_packets_phy') == 1000d
    }

    def "plot writes a PNG of the requested size"() {
        given:
        src.perSecond[0] = 0L
        def series = sample(200, 10) { long t -> src.set('rx_packets_phy', series0(t + 10_000_000L)) }
        def f = dir.resolve('rates.png')

        when:
        series.plot(f, 900, 500)
        def bytes = Files.readAllBytes(f)
        def img = ImageIO.read(f.toFile())

        then:
        bytes[0..7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]*.byteValue()
        img.width == 900
        img.height == 500

        cleanup:
        def keep = System.getProperty('fwsh.plot.keep')
        if (keep) Files.copy(f, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }

    /** cumulative packets for a rate of 1000 + 800·sin(t / 0.2 s) packets/s, integrated in 10 ms steps */
    long acc = 0, lastT = 0
    long series0(long t) {
        acc += (long) ((1000 + 800 * Math.sin(t / 2e8)) * (t - lastT) / 1e9)
        lastT = t
        acc
    }

    def "plot writes an SVG with one line per counter"() {
        given:
        def series = sample(20, 10)
        def f = dir.resolve('p.svg')

        when:
        series.plot(f)
        def svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile()).documentElement

        then:
        svg.tagName == 'svg'
        svg.getAttribute('width') == '1000'
        svg.getElementsByTagName('polyline').length == 4
        svg.textContent.contains('rx_bytes_phy (B/s)')
    }

    def "plotting to an unknown extension or an empty series is refused with one line"() {
        when:
        sample(5, 10).plot(dir.resolve('x.gif'))
        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == 'cannot plot to x.gif; name it *.png or *.svg'

        when:
        Sampler.builder(new CompositeSource([src]).select(['rx_packets_phy'])).duration(Duration.ofMillis(1)).ticker(clock).run()
                .plot(dir.resolve('y.png'))
        then:
        e = thrown(fwsh.base.ArgumentException)
        e.message.startsWith('nothing to plot')
    }
}
