package fwsh.trace

import spock.lang.Specification

import static fwsh.trace.TraceFixtures.*

class TraceFormatterSpec extends Specification {

    static final long BASE = 0x1000
    def strDb = db(section(BASE, 0x100, [0x10: 'link %d up', 0x20: 'temp "%d"\tC', 0x30: 'bad %s']))
    def out = new StringBuilder()

    void decode(TraceFormatter f, long... events) {
        def d = new TraceDecoder(caps(), strDb, f)
        events.each { d.decodeEvent(it) }
    }

    def "tracepoint lines: [0x<ts>] <lost> [0x<event_id>] <msg>"() {
        given:
        def f = new TraceFormatter(out)

        when:
        decode(f, str(0x0b, 1, 0, (int) (BASE + 0x10), 0x05, true), str(0x0b, 1, 1, 2), ts(0xabc86))

        then:
        out.toString() == '[0xabc85] 1 [0xb] link 2 up\n'
        f.lines() == 1
        f.lostMessages() == 1
    }

    def "the device name prefixes lines like the tracepoint's dev_name"() {
        when:
        decode(new TraceFormatter(out).device('0000:08:00.0'), str(8, 1, 0, (int) (BASE + 0x10)), str(8, 1, 1, 2), ts(0x101))
        then:
        out.toString() == '0000:08:00.0 [0x100] 0 [0x8] link 2 up\n'
    }

    def "JSON lines escape the message"() {
        when:
        decode(new TraceFormatter(out).style(TraceFormatter.Style.JSON),
                str(9, 1, 0, (int) (BASE + 0x20), 3), str(9, 1, 1, -5), ts(0x104))
        then:
        out.toString() == '{"ts":259,"lost":false,"event_id":9,"msg":"temp \\"-5\\"\\tC"}\n'
    }

    def "real timestamps render hh:mm:ss:nnnnnnnnn from the device clock"() {
        given: "1 GHz clock: ticks are nanoseconds"
        long t = ((3L * 3600 + 25 * 60 + 7) * 1_000_000_000L + 123) & ~0x7FL

        when:
        decode(new TraceFormatter(out).realTimestamps(RealTimestamp.ofKHz(1_000_000)),
                str(8, 1, 0, (int) (BASE + 0x10), (int) (t & 0x7F) - 0), str(8, 1, 1, 1), ts(t + 1))
        then:
        out.toString() == '[03:25:07:000000000] 0 [0x8] link 1 up\n'.replace('000000000', String.format('%09d', t % 1_000_000_000L))
    }

    def "RealTimestamp: exact kHz conversion and mstfwtrace's whole-ns-per-tick conversion"() {
        expect:
        RealTimestamp.ofKHz(156_250).format(156_250_000L) == '00:00:01:000000000'
        RealTimestamp.mstfwtrace(156).format(156_250_000L) == '00:00:00:937500000'  // int(1000/156) = 6 ns
        RealTimestamp.ofMHz(1000).format(90_000_000_000_000L) == '25:00:00:000000000'
        RealTimestamp.ofKHz(1).nanos(1L << 52) == (1L << 52) * 1_000_000L

        when:
        RealTimestamp.ofKHz(0)
        then:
        thrown(TraceException)
    }

    def "filters by event id and by regex, and counts what they drop"() {
        given:
        def f = new TraceFormatter(out).eventIds(8).grep(~/link [13]/)

        when:
        decode(f,
                str(8, 1, 0, (int) (BASE + 0x10)), str(8, 1, 1, 1),
                str(8, 2, 0, (int) (BASE + 0x10)), str(8, 2, 1, 2),
                str(9, 3, 0, (int) (BASE + 0x10)), str(9, 3, 1, 3),
                str(8, 4, 0, (int) (BASE + 0x10)), str(8, 4, 1, 3),
                ts(0x101))
        then:
        out.toString().readLines() == ['[0x100] 0 [0x8] link 1 up', '[0x100] 0 [0x8] link 3 up']
        f.lines() == 2
        f.filtered() == 2
    }

    def "raw and BAD_FORMAT messages are counted"() {
        given:
        def f = new TraceFormatter(out)
        when:
        decode(f, str(8, 1, 0, (int) (BASE + 0x30)), str(8, 2, 0, 0x5), ts(0x101))
        then:
        out.toString().readLines() == ['[0x100] 0 [0x8] BAD_FORMAT: bad %s', '[0x100] 0 [0x8] 0x0008001000000005']
        f.badFormats() == 1
        f.rawMessages() == 1
        f.summary().contains('bad formats 1')
    }

    def "records from elsewhere print the same way"() {
        given:
        def f = new TraceFormatter(out)
        when:
        f.accept(new TraceRecord(0x1f, false, 0xb9, 'dump general info GVMI=0x0000'))
        then:
        out.toString() == '[0x1f] 0 [0xb9] dump general info GVMI=0x0000\n'
    }

    def "an event id outside 0..255 is refused"() {
        when:
        new TraceFormatter(out).eventIds(256)
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message == 'event id 256 out of range 0..255'
    }
}
