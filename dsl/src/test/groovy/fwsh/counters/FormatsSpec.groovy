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

    static final METRIC = /[a-zA-Z_:][a-zA-Z0-9_:]*/
    static final LABELS = /\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*")(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*")*\}/

    def "Prometheus exposition is valid text format with _total counters, gauges and labels"() {
        when:
        def text = Formats.prometheus(snap, [host: 'lab "7"'])
        def lines = text.readLines()

        then: 'every line is a HELP, a TYPE or a sample with a valid name, labels and value'
        text.endsWith('\n')
        lines.every { l ->
            l ==~ /# HELP ${METRIC} .*/ || l ==~ /# TYPE ${METRIC} (counter|gauge)/ || l ==~ /${METRIC}${LABELS} -?[0-9]+/
        }

        and: 'each metric has HELP, TYPE, then one sample'
        lines.size() == 15
        lines[0] == '# HELP fwsh_rx_packets_phy_total Packets received, "phy" level\\\\ok\\nsecond line (unit: packets)'
        lines[1] == '# TYPE fwsh_rx_packets_phy_total counter'
        lines[2] == 'fwsh_rx_packets_phy_total{device="mlx5_0",port="1",host="lab \\"7\\""} 5000'
        lines[5] == 'fwsh_rx_bytes_phy_total{device="mlx5_0",port="1",host="lab \\"7\\""} 7500000'
        lines[7] == '# TYPE fwsh_tx_weird_name_total counter'
        lines[10] == '# TYPE fwsh_2xx_total counter'
        lines[13] == '# TYPE fwsh_temperature gauge'
        lines[14] == 'fwsh_temperature{device="mlx5_0",port="1",host="lab \\"7\\""} 565'

        and: 'metric names are unique'
        lines.findAll { it.startsWith('# TYPE') }.collect { it.split(' ')[2] }.toSet().size() == 5
    }

    def "a 64-bit counter above 2^63 is exported unsigned"() {
        given:
        src.set('rx_packets_phy', -1L)
        def s = Snapshot.take(CounterSelection.of(src), clock)

        expect:
        Formats.prometheus(s).readLines()[2] == 'fwsh_rx_packets_phy_total 18446744073709551615'
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
