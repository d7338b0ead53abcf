package fwsh.counters

import spock.lang.Specification

class CompositeSourceSpec extends Specification {
    def clock = new ManualTicker()
    def ppcnt = new VirtualSource('ppcnt', clock).counter('rx_packets_phy', 1000).counter('rx_crc_errors_phy', 3)
            .counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
    def mtmp = new VirtualSource('mtmp', clock).gauge('temperature', 8, 400)
    def src = new CompositeSource([ppcnt, mtmp], [device: 'mlx5_0', port: '1'])

    def "counters are addressed by name across sources and read in the requested order"() {
        given:
        def sel = src.select(['temperature', 'rx_crc_errors_phy', 'mtmp:temperature'.replace('mtmp:temperature', 'rx_packets_phy')])
        def v = new long[3]
        clock.set(2_500_000_000L)

        when:
        sel.read(v)

        then:
        v as List == [400 + 20, 7, 2500]
        ppcnt.reads == 1 && mtmp.reads == 1
        sel.defs()*.name() == ['temperature', 'rx_crc_errors_phy', 'rx_packets_phy']
    }

    def "snapshots of named or all counters carry the labels"() {
        given:
        clock.set(1_000_000_000L)

        when:
        def some = src.snapshot(['rx_crc_errors_phy', 'temperature'])
        def all = src.snapshot()

        then:
        some.toMap() == [rx_crc_errors_phy: 3L, temperature: 408L]
        all.defs()*.name() == src.list()*.name()
        all.value('rx_bytes_phy') == 1_500_000
        all.labels() == [device: 'mlx5_0', port: '1']
    }

    def "a source:name form addresses the same counter"() {
        expect:
        src.def('ppcnt:rx_crc_errors_phy').name() == 'rx_crc_errors_phy'
        src.def('mtmp:temperature').isGauge()
    }

    def "an unknown name gives one line with suggestions"() {
        when:
        src.select(['rx_crc_error_phy'])

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == "unknown counter 'rx_crc_error_phy'; did you mean rx_crc_errors_phy? (list() shows all counters)"
        !e.message.contains('\n')
    }

    def "an unknown name with no near match has no suggestion"() {
        when:
        src.def('zzzz')

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == "unknown counter 'zzzz' (list() shows all counters)"
    }

    def "two sources offering the same name are refused at construction"() {
        when:
        new CompositeSource([ppcnt, new VirtualSource('vport', clock).counter('rx_packets_phy', 1)])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('rx_packets_phy is offered by both ppcnt and vport')
    }

    def "selecting a counter twice or nothing is refused"() {
        when:
        src.select(['rx_packets_phy', 'ppcnt:rx_packets_phy'])
        then:
        thrown(fwsh.base.ArgumentException)

        when:
        src.select([])
        then:
        thrown(fwsh.base.ArgumentException)
    }

    def "list gives every counter with its description, and filters by text"() {
        expect:
        src.list()*.name() == ['rx_packets_phy', 'rx_crc_errors_phy', 'rx_bytes_phy', 'temperature']
        src.list('crc')*.name() == ['rx_crc_errors_phy']
        src.list('MTMP')*.name() == ['temperature']
        def lines = src.listTable().readLines()
        lines[0].startsWith('name')
        lines.size() == 5
        lines[4] =~ /^temperature\s+mtmp\s+0\.125 C\s+gauge\/16\s+temperature test gauge$/
    }

    def "counter values are masked to their width"() {
        given:
        def s = new VirtualSource('s', clock).counter('c32', 0, 32)
        s.set('c32', 0x1_0000_0005L)
        def v = new long[1]

        when:
        CounterSelection.of(s).read(v)

        then:
        v[0] == 5
    }

    def "bad definitions are refused with one line"() {
        when:
        CounterDef.counter(name, 'g', '', '', width)
        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(what)

        where:
        name   | width || what
        ''     | 32    || 'must be non-empty'
        'a:b'  | 32    || "or ':'"
        'ok'   | 0     || 'width 0 bits is outside 1..64'
        'ok'   | 65    || 'width 65 bits'
    }
}
