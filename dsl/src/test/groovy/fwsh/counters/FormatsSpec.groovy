package fwsh.counters

import groovy.json.JsonSlurper
import spock.lang.Specification

class FormatsSpec extends Specification {
    def clock = new ManualTicker(5_000_000_000L)
    def src = new VirtualSource('ppcnt', clock)
            .counter('rx_packets_phy', 1000, 64, 'packets', 'Packets received, "phy" level\\ok\nsecond line')
            .counter('rx_bytes_phy', 1_500_000, 64, 'bytes')
            .counter('tx.weird-name_total', 1)
            .counter('2xx', 1)
            .gauge('temperature', 0, 565)
    def snap = Snapshot.take(new CompositeSource([src], [device: 'mlx5_0', port: '1']).selectAll(), clock)

    def "a 64-bit counter above 2^63 is written unsigned"() {
        given:
        src.set('rx_packets_phy', -1L)
        def s = Snapshot.take(CounterSelection.of(src), clock)

        expect:
        Formats.jsonLine(s).contains('"rx_packets_phy":18446744073709551615')
    }

    def "the table is aligned with numbers right-aligned"() {
        when:
        def lines = snap.table().readLines()

        then:
        lines[0] ==~ /name\s+value\s+unit\s+group/
        lines[1] ==~ /rx_packets_phy\s+5000\s+packets\s+ppcnt/
        lines[2] ==~ /rx_bytes_phy\s+7500000\s+bytes\s+ppcnt/
        def end = lines[0].indexOf('value') + 'value'.length()
        lines.drop(1).every { Character.isDigit(it.charAt(end - 1)) && it.charAt(end) == ' ' }   // values end under "value"
        lines[5] ==~ /temperature\s+565\s+0\.125 C\s+ppcnt/
    }

    def "CSV and JSON line renderings carry exact values"() {
        when:
        def csv = Formats.csv(snap).readLines()
        def json = new JsonSlurper().parseText(Formats.jsonLine(snap))

        then:
        csv[0] == 'name,group,unit,kind,value'
        csv[1] == 'rx_packets_phy,ppcnt,packets,counter,5000'
        csv[5] == 'temperature,ppcnt,0.125 C,gauge,565'
        json.host_ns == 5_000_000_000L
        json.rx_bytes_phy == 7_500_000
        json.temperature == 565
        !json.containsKey('device_ns')
    }
}
