package fwsh.counters

import spock.lang.Specification

import java.time.Duration

class WatchSpec extends Specification {
    def clock = new ManualTicker()
    def ppcnt = new VirtualSource('ppcnt', clock)
            .counter('rx_packets_phy', 1000)
            .counter('rx_crc_errors_phy', 0)
            .counter('rx_discards_phy', 0)
    def mtmp = new VirtualSource('mtmp', clock).gauge('temperature', 0, 65)
    def src = new CompositeSource([ppcnt, mtmp])

    def "rules parse in all their forms"() {
        expect:
        def r = WatchRule.parse(text)
        r.counter() == counter
        r.metric() == metric
        r.op() == op
        r.threshold() == threshold

        where:
        text                              || counter             | metric                  | op               | threshold
        "'rx_crc_errors_phy' rate > 0"    || 'rx_crc_errors_phy' | WatchRule.Metric.RATE   | WatchRule.Op.GT  | 0
        'temperature > 70'                || 'temperature'       | WatchRule.Metric.VALUE  | WatchRule.Op.GT  | 70
        'rx_discards_phy delta >= 10'     || 'rx_discards_phy'   | WatchRule.Metric.DELTA  | WatchRule.Op.GE  | 10
        '"a b" value<=1.5e3'              || 'a b'               | WatchRule.Metric.VALUE  | WatchRule.Op.LE  | 1500
        'x RATE != 0x10'                  || 'x'                 | WatchRule.Metric.RATE   | WatchRule.Op.NE  | 16
        '  ppcnt:x == 1_000 '             || 'ppcnt:x'           | WatchRule.Metric.VALUE  | WatchRule.Op.EQ  | 1000
        'x < -5'                          || 'x'                 | WatchRule.Metric.VALUE  | WatchRule.Op.LT  | -5
    }

    def "a bad rule is one clear line naming the rule, the column and the expected form"() {
        when:
        WatchRule.parse(text)

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == message
        !e.message.contains('\n')

        where:
        text                      || message
        'temperature >'           || 'watch rule "temperature >": missing number after > at column 14; ' + WatchRule.FORM
        'temperature speed > 1'   || 'watch rule "temperature speed > 1": unknown metric \'speed\' (value, delta or rate) at column 13; ' + WatchRule.FORM
        'temperature 70'          || 'watch rule "temperature 70": expected an operator at column 13; ' + WatchRule.FORM
        "'temperature > 70"       || 'watch rule "\'temperature > 70": unclosed quote \' at column 1; ' + WatchRule.FORM
        'temperature > hot'       || 'watch rule "temperature > hot": \'hot\' is not a number at column 15; ' + WatchRule.FORM
        'temperature => 70'       || 'watch rule "temperature => 70": expected an operator at column 13; ' + WatchRule.FORM
        '> 70'                    || 'watch rule "> 70": expected a counter name at column 1; ' + WatchRule.FORM
        '   '                     || 'empty watch rule; ' + WatchRule.FORM
    }

    def "a rule on an unknown counter suggests the right name"() {
        when:
        Watch.of(src, ["'rx_crc_error_phy' rate > 0"], [], null)

        then:
        def e = thrown(fwsh.base.ArgumentException)
        e.message == "unknown counter 'rx_crc_error_phy'; did you mean rx_crc_errors_phy? (list() shows all counters)"
    }

    def "breaches are reported once when a rule starts to hold, with exact observed values"() {
        given:
        def seen = []
        def w = Watch.of(src, ["'rx_crc_errors_phy' rate > 0", 'temperature > 70', 'rx_discards_phy delta >= 10'],
                ['rx_packets_phy'], { seen << it })
        def events = [
                2 : { ppcnt.set('rx_crc_errors_phy', 3) },     // visible at sample 3: +3 in 1 s
                5 : { mtmp.set('temperature', 71) },            // samples 6..7 hot, reported once
                7 : { mtmp.set('temperature', 60) },
                8 : { mtmp.set('temperature', 75) },            // hot again: a second breach
                9 : { ppcnt.set('rx_discards_phy', 9) },        // +9: no breach
                10: { ppcnt.set('rx_discards_phy', 19) },       // +10: breach
        ]
        int n = 0
        def sampler = w.sampler(Duration.ofSeconds(1)).duration(Duration.ofSeconds(13)).ticker(clock)
                .listener({ t, d, v -> w.onSample(t, d, v); events[n++]?.call() } as SampleListener)

        when:
        sampler.run()

        then:
        w.samples() == 13
        seen*.rule()*.text() == ["'rx_crc_errors_phy' rate > 0", 'temperature > 70', 'temperature > 70', 'rx_discards_phy delta >= 10']
        seen*.tNanos() == [3_000_000_000L, 6_000_000_000L, 9_000_000_000L, 11_000_000_000L]
        seen*.observed() == [3d, 71d, 75d, 10d]
        seen[0].unit() == 'packets/s'
        seen[0].toString() ==~ /BREACH \S+ rx_crc_errors_phy rate > 0: rate = 3 packets\/s/
        seen[1].toString().endsWith('temperature > 70: value = 71 0.125 C')
        w.exitStatus() == Watch.BREACHED
        w.breaches() == seen
    }

    def "no breach gives exit status 0"() {
        given:
        def w = Watch.of(src, ['temperature > 70'], [], null)

        when:
        w.sampler(Duration.ofMillis(100)).duration(Duration.ofSeconds(1)).ticker(clock).run()

        then:
        w.samples() == 10
        w.breaches().isEmpty()
        w.exitStatus() == Watch.OK
    }

    def "the live view shows value, rate, sparkline and a breach marker"() {
        given:
        def w = Watch.of(src, ["'rx_crc_errors_phy' rate > 0"], ['rx_packets_phy', 'temperature'], null)
        int n = 0
        def sampler = w.sampler(Duration.ofSeconds(1)).duration(Duration.ofSeconds(5)).ticker(clock)
                .listener({ t, d, v -> w.onSample(t, d, v); if (++n >= 2) ppcnt.set('rx_crc_errors_phy', 2 * (n - 1)) } as SampleListener)

        when:
        def before = w.render()
        sampler.run()
        def lines = w.render()

        then:
        before[0] == 'watch: 1 rule, 0 samples, 0 breaches'
        lines[0] == 'watch: 1 rule, 5 samples, 1 breach'
        lines[1] =~ /^name\s+value\s+rate\s+last 30\s+breach$/
        lines[2] =~ /^rx_crc_errors_phy\s+6 packets\s+2 packets\/s\s+▁███\s+!! rx_crc_errors_phy rate > 0$/
        lines[3] =~ /^rx_packets_phy\s+4000 packets\s+1000 packets\/s\s+▁▁▁▁$/
        lines[4] =~ /^temperature\s+65 0\.125 C\s+0 0\.125 C\/s\s+▁▁▁▁$/
        lines.size() == 5
    }
}
