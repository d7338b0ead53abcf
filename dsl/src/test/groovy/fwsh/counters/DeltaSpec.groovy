package fwsh.counters

import spock.lang.Specification

class DeltaSpec extends Specification {
    def clock = new ManualTicker()
    def src = new VirtualSource('ppcnt', clock)
            .counter('rx_packets_phy', 1000)
            .counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
            .counter('rx_crc_errors_phy', 3)
            .counter('c32', 250, 32)
            .counter('idle', 0)
            .gauge('temperature', -8, 560)
    def sel = CounterSelection.of(src)

    def "deltas and rates between snapshots are exact"() {
        given:
        clock.set(1_000_000_000L)
        def a = Snapshot.take(sel, clock)
        clock.advance(2_500_000_000L)
        def b = Snapshot.take(sel, clock)

        when:
        def d = a.delta(b)
        def r = d.rates()

        then:
        d.elapsedNanos() == 2_500_000_000L
        d.delta('rx_packets_phy') == 2500
        d.delta('rx_bytes_phy') == 3_750_000
        d.delta('rx_crc_errors_phy') == 7      // 3 per s: floor(10.5) - floor(3) = 10 - 3
        d.delta('temperature') == -20
        d.delta('idle') == 0
        r.rate('rx_packets_phy') == 1000.0d
        r.rate('rx_bytes_phy') == 1_500_000.0d
        r.rate('temperature') == -8.0d
        r.unit('rx_packets_phy') == 'packets/s'
        r.unit('rx_bytes_phy') == 'B/s'
        r.unit('temperature') == '0.125 C/s'
        r.format('rx_bytes_phy') == '1.50 MB/s'
        r.format('rx_packets_phy') == '1000 packets/s'
        !d.usesDeviceTime()
    }

    def "device timestamps time the delta when both snapshots have them"() {
        given:
        src.deviceTime = true
        def a = Snapshot.take(sel, clock)
        clock.advance(1_000_000L)
        def b = Snapshot.take(sel, clock)

        expect:
        a.hasDeviceTime()
        a.deviceNanos() == 7_000_000_000L
        a.delta(b).usesDeviceTime()
        a.delta(b).elapsedNanos() == 1_000_000L
    }

    def "a 32-bit counter that wraps gives the true increase"() {
        given:
        src.set('c32', 0xFFFF_FF00L)
        def a = Snapshot.take(sel, clock)
        clock.advance(2_000_000_000L)    // +500
        def b = Snapshot.take(sel, clock)

        expect:
        a.value('c32') == 0xFFFF_FF00L
        b.value('c32') == 500 - 0x100
        a.delta(b).delta('c32') == 500
        a.delta(b).wrapped('c32')
        !a.delta(b).cleared('c32')
    }

    def "a 64-bit counter that wraps gives the true increase"() {
        given:
        src.set('rx_packets_phy', -100L)  // 2^64 - 100
        def a = Snapshot.take(sel, clock)
        clock.advance(1_000_000_000L)
        def b = Snapshot.take(sel, clock)

        expect:
        b.value('rx_packets_phy') == 900
        a.delta(b).delta('rx_packets_phy') == 1000
        a.delta(b).wrapped('rx_packets_phy')
        Units.value(a.value('rx_packets_phy'), sel.defs()[0]) == '18446744073709551516'
    }

    def "a counter that went back without a plausible wrap was cleared: delta is the new value, flagged"() {
        given:
        src.set('rx_packets_phy', 1_000_000)
        src.set('c32', 70_000)
        def a = Snapshot.take(sel, clock)
        clock.advance(1_000_000_000L)
        src.clear('rx_packets_phy')
        src.clear('c32')
        clock.advance(1_000_000_000L)
        def b = Snapshot.take(sel, clock)
        def d = a.delta(b)

        expect:
        d.delta('rx_packets_phy') == 1000
        d.cleared('rx_packets_phy') && !d.wrapped('rx_packets_phy')
        d.delta('c32') == 250
        d.cleared('c32')
        !d.cleared('rx_bytes_phy')
        d.top(10).find { it.name() == 'c32' }.toString() == 'c32 +250 (cleared)'
    }

    def "wrap versus clear decision at half the range"() {
        given:
        def d32 = CounterDef.counter('x', 'g', '', '', 32)

        expect:
        Delta.counterDelta(d32, a, b) == delta
        Delta.step(d32, a, b) == flags

        where:
        a            | b          || delta       | flags
        10           | 20         || 10          | 0
        0xFFFFFFFFL  | 0          || 1           | Delta.WRAPPED
        0x80000000L  | 0          || 0x80000000L | Delta.WRAPPED
        0x7FFFFFFFL  | 0          || 0           | Delta.CLEARED
        1000         | 10         || 10          | Delta.CLEARED
    }

    def "top-N lists the largest changes first and leaves out unchanged counters"() {
        given:
        def a = Snapshot.take(sel, clock)
        clock.advance(4_000_000_000L)
        def b = Snapshot.take(sel, clock)

        when:
        def top = a.delta(b).top(3)

        then:
        top*.name() == ['rx_bytes_phy', 'rx_packets_phy', 'c32']
        top*.delta() == [6_000_000L, 4000L, 1000L]
        a.delta(b).top(10)*.name() == ['rx_bytes_phy', 'rx_packets_phy', 'c32', 'temperature', 'rx_crc_errors_phy']
        !a.delta(b).top(10)*.name().contains('idle')
        a.delta(b).top(0).isEmpty()
    }

    def "snapshots of different selections cannot be compared"() {
        given:
        def other = new CompositeSource([src]).select(['idle'])

        when:
        Snapshot.take(sel, clock).delta(Snapshot.take(other, clock))

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message.startsWith('snapshots hold different counters')
    }

    def "rates are NaN when no time passed, and unknown names suggest"() {
        given:
        def a = Snapshot.take(sel, clock)

        expect:
        Double.isNaN(a.delta(a).rates().rate('rx_packets_phy'))

        when:
        a.value('rx_packet_phy')

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message.contains('did you mean rx_packets_phy')
    }

    def "rate units scale bytes by SI prefixes"() {
        expect:
        Units.formatRate(v, unit) == text

        where:
        v              | unit      || text
        999            | 'bytes'   || '999 B/s'
        1000           | 'bytes'   || '1.00 kB/s'
        12_345_678     | 'bytes'   || '12.35 MB/s'
        3.2e9          | 'bytes'   || '3.20 GB/s'
        12.5           | 'packets' || '12.5 packets/s'
        2              | ''        || '2 /s'
    }
}
