package fwsh.shell.serve

import fwsh.channel.Channel
import fwsh.channel.DeviceInfo
import fwsh.channel.Scope
import fwsh.channel.Umem
import fwsh.dsl.Session
import fwsh.dsl.SessionOptions
import fwsh.emu.EmulatedDevice
import fwsh.emu.Emulator
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * The exporter on two emulated cx6dx (2 ports each), scraped over HTTP on loopback as Prometheus scrapes it.
 */
class ExporterSpec extends Specification {
    static final String OPENMETRICS = 'application/openmetrics-text; version=1.0.0; charset=utf-8'

    Session session
    Exporter exporter
    def log = new ByteArrayOutputStream()

    def setup() {
        session = Session.open(new SessionOptions().emulate('cx6dx,cx6dx').ceiling(Scope.DEBUG_READ_ONLY))
    }

    def cleanup() {
        exporter?.close()
        session?.close()
    }

    void serve(Selection selection = new Selection([], []), List<String> selectors = []) {
        exporter = new Exporter(session, selection, selectors, Duration.ofSeconds(20),
                new PrintStream(log, true, 'UTF-8'), true)
        exporter.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofHours(1))
    }

    EmulatedDevice emu(int i) {
        session.devices()[i].rawChannel() as EmulatedDevice
    }

    /** The device label: the RDMA name (emulated devices are numbered across the whole run). */
    String rdma(int i) {
        emu(i).info().rdmaDevs()[0]
    }

    Map scrape(String accept = null) {
        def c = (HttpURLConnection) new URL("http://127.0.0.1:${exporter.port()}/metrics").openConnection()
        if (accept) c.setRequestProperty('Accept', accept)
        [status: c.responseCode, type: c.contentType, body: c.inputStream.getText('UTF-8')]
    }

    /** The samples of a text exposition: 'name{labels}' to value. */
    static Map<String, Double> samples(String body) {
        body.readLines().findAll { it && !it.startsWith('#') }.collectEntries {
            int sp = it.lastIndexOf(' ')
            [(it.substring(0, sp)): Double.parseDouble(it.substring(sp + 1))]
        }
    }

    def "every device and port with node_exporter's labels, the device's identity, and fwsh's own scrape metrics"() {
        given:
        serve()
        def before = session.devices().collect { d -> (1..2).collect { p -> d.counters.snapshot([port: p], ['rx_packets_phy']).value(0) } }

        when:
        def s = samples(scrape().body)
        def after = session.devices().collect { d -> (1..2).collect { p -> d.counters.snapshot([port: p], ['rx_packets_phy']).value(0) } }

        then: 'the port counters of both ports of both devices, between the reads just before and just after'
        [0, 1].each { i ->
            def info = emu(i).info()
            [1, 2].each { p ->
                def v = s["fwsh_port_rx_packets_phy_total{device=\"${rdma(i)}\",netdev=\"${info.netdevs()[p - 1]}\",pci=\"${info.pci()}\",port=\"$p\"}"]
                assert v != null && v >= before[i][p - 1] && v <= after[i][p - 1]
            }
            assert s["fwsh_device_info{device=\"${rdma(i)}\",fw=\"${session.devices()[i].firmwareIdentity().fw_version}\",pci=\"${info.pci()}\",profile=\"cx6dx\",psid=\"${session.devices()[i].firmwareIdentity().psid}\",transport=\"emulated/mlx5ctl\"}"] == 1
            assert s["fwsh_scrape_errors_total{device=\"${rdma(i)}\",pci=\"${info.pci()}\"}"] == 0
            assert s["fwsh_scrape_duration_seconds{device=\"${rdma(i)}\",pci=\"${info.pci()}\"}"] > 0
            assert s.keySet().any { it.startsWith("fwsh_device_temperature_celsius{device=\"${rdma(i)}\"") }
            assert s.keySet().any { it.startsWith("fwsh_device_pcie_link_width{device=\"${rdma(i)}\"") }
            assert s.keySet().any { it.startsWith("fwsh_device_outbound_pci_stalled_rd_ratio{device=\"${rdma(i)}\"") }
        }

        and: 'the default set: no per-priority, per-lane or histogram series'
        !s.keySet().any { it.contains('_prio') || it =~ /_lane_?\d/ || it.contains('hist') }
    }

    def "--include adds groups and name patterns, --exclude removes them"() {
        given:
        serve(new Selection(['per_priority', '*_lane*'], ['physical_layer_statistical', 'rx_crc_errors_phy']))

        when:
        def names = samples(scrape().body).keySet().collect { it.replaceAll(/\{.*/, '') }.toSet()

        then:
        'fwsh_port_rx_prio3_packets_total' in names
        names.any { it =~ /_lane_?\d/ }
        !('fwsh_port_rx_crc_errors_phy_total' in names)
        !('fwsh_port_phy_received_bits_total' in names)
        'fwsh_port_rx_packets_phy_total' in names
    }

    def "text format by default, OpenMetrics when the scraper asks for it"() {
        given:
        serve()

        when:
        def text = scrape()
        def om = scrape(OPENMETRICS)

        then:
        text.type == 'text/plain; version=0.0.4; charset=utf-8'
        text.body.contains('# TYPE fwsh_port_rx_packets_phy_total counter')
        !text.body.contains('# EOF')
        om.type == OPENMETRICS
        om.body.contains('# TYPE fwsh_port_rx_packets_phy counter')
        om.body.contains('# UNIT fwsh_device_temperature_celsius celsius')
        om.body.endsWith('# EOF\n')
    }

    def "concurrent scrapes share one read per device: the RPCs of one scrape, however many scrape"() {
        given: 'a third device whose RPCs are counted and slow, so that the scrapes overlap even on a loaded machine'
        def counted = new CountingChannel(Emulator.builder('cx6dx').name('counted').pci('0000:c9:00.0').build())
        session.attach(counted)
        serve(new Selection([], []), ['0000:c9:00.0'])
        scrape()
        int one = counted.rpcs.get()
        scrape()
        int perScrape = counted.rpcs.get() - one
        counted.inner.faults().latency(Duration.ofMillis(300))

        when: 'six scrapes at once'
        def pool = Executors.newFixedThreadPool(6)
        def go = new CountDownLatch(1)
        int start = counted.rpcs.get()
        def bodies = (1..6).collect { pool.submit({ go.await(); scrape().body } as java.util.concurrent.Callable) }
        go.countDown()
        def texts = bodies*.get(60, TimeUnit.SECONDS)
        pool.shutdown()

        then: 'one read: as many RPCs as one scrape, and all six got the same answer'
        perScrape > 5
        counted.rpcs.get() - start == perScrape
        texts.toSet().size() == 1
        texts[0].contains('device="mlx5_counted"')
    }

    def "a device removed mid-scrape drops its series and counts the error; the server stays up; re-inserted, it is served again"() {
        given:
        serve()
        scrape()
        def second = emu(1)   // the session lets it go when it is removed
        second.faults().latency(Duration.ofMillis(200))
        def pci = second.info().pci()
        def gone = rdma(1), other = rdma(0), name = second.info().name()

        when: 'the device goes while a scrape reads it'
        def pool = Executors.newSingleThreadExecutor()
        def pending = pool.submit({ scrape().body } as java.util.concurrent.Callable)
        assert second.faults().awaitInFlight(1, Duration.ofSeconds(30))
        second.faults().remove()
        def during = samples(pending.get(60, TimeUnit.SECONDS))
        def next = samples(scrape().body)
        pool.shutdown()

        then: 'its series are gone, its error is counted, the other device is still served'
        [during, next].each { s ->
            assert !s.keySet().any { it.contains("device=\"$gone\"") && !it.startsWith('fwsh_scrape_errors_total') }
            assert s["fwsh_scrape_errors_total{device=\"$gone\",pci=\"$pci\"}"] == 1
            assert s.keySet().any { it.startsWith("fwsh_port_rx_packets_phy_total{device=\"$other\"") }
        }
        log.toString('UTF-8').contains("$name ($pci) is gone")

        when: 'it comes back and the rescan runs'
        second.faults().clear()
        second.faults().reinsert()
        exporter.rescan()
        def back = samples(scrape().body)

        then:
        back.keySet().count { it.startsWith("fwsh_port_rx_packets_phy_total{device=\"$gone\"") } == 2
        back["fwsh_scrape_errors_total{device=\"$gone\",pci=\"$pci\"}"] == 1
        log.toString('UTF-8').contains("$name ($pci) found; serving its series")
    }

    def "with a device selection a rescan attaches the selected device when it is back and never opens the others"() {
        given: 'only the first device is served; the second has left the session (as a device once gone does)'
        def first = emu(0), second = emu(1)
        serve(new Selection([], []), [first.info().pci()])
        session.detach(session.devices()[1])

        when: 'the first goes (a scrape notices), comes back, and the rescan runs'
        first.faults().remove()
        scrape()
        first.faults().reinsert()
        int before = second.openHandle().uid()
        exporter.rescan()
        int after = second.openHandle().uid()
        def body = scrape().body

        then: 'the first is served again; the second was not opened (each open takes the next uid)'
        session.devices()*.rawChannel()*.info()*.pci() == [first.info().pci()]
        body.contains("device=\"${first.info().rdmaDevs()[0]}\"")
        !body.contains("device=\"${second.info().rdmaDevs()[0]}\"")
        after == before + 1
    }

    /** An emulated device whose RPCs are counted (a real channel in between, not a mock). */
    static class CountingChannel implements Channel {
        final EmulatedDevice inner
        final AtomicInteger rpcs = new AtomicInteger()

        CountingChannel(EmulatedDevice inner) {
            this.inner = inner
        }

        DeviceInfo info() { inner.info() }

        byte[] rpc(Scope scope, byte[] input, int outLen) {
            rpcs.incrementAndGet()
            inner.rpc(scope, input, outLen)
        }

        boolean supportsUmem() { inner.supportsUmem() }

        Umem registerUmem(long size) { inner.registerUmem(size) }

        void close() { inner.close() }
    }
}
