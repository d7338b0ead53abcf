package fwsh.trace

import spock.lang.Specification

import static fwsh.trace.TraceFixtures.*

class MessageAssemblerSpec extends Specification {

    @groovy.transform.CompileStatic
    static class CountingSink implements TraceSink {
        long n
        void onMessage(TraceMessage m) { n++ }
    }

    @groovy.transform.CompileStatic
    static void run(MessageAssembler a, long[] evs, int times) {
        for (int i = 0; i < times; i++) { for (int j = 0; j < evs.length; j++) a.onEvent(evs[j]) }
    }

    static final long BASE = 0x10000
    def strings = [
            0x000: 'at-base',
            0x010: 'link up',
            0x020: 'port %d speed %d',
            0x040: 'addr 0x%llx',
            0x060: '%d %d %d %d %d %d %d',
            0x080: '%d %d %d %d %d %d %d %d %d',
            0x0c0: 'name %s',
            0x0e0: 'last',
    ]
    def dbOne = db(section(BASE, 0x100, strings))
    def sink = new Collect()
    def stats = new TraceStats()
    def asm = new MessageAssembler(caps(), dbOne, sink, stats)

    void feed(long... events) { events.each { asm.onEvent(it) } }

    def "a message without parameters is printed at the next reliable timestamp"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x10), 0x10))
        then:
        sink.records.isEmpty()
        asm.pending() == 1

        when:
        feed(ts(0x12345))
        then:
        sink.records == [new TraceRecord(0x12310, false, 8, 'link up')]
        asm.pending() == 0
        stats.messages == 1
    }

    def "parameters arrive by (event_id, tmsn) and complete the message"() {
        when:
        feed(str(9, 7, 0, (int) (BASE + 0x20)),
             str(10, 7, 0, (int) (BASE + 0x10)),   // other event_id, same tmsn: a different message
             str(9, 7, 1, 1),
             ts(0x1000))
        then: "only the complete message is flushed"
        sink.texts() == ['link up']

        when:
        feed(str(9, 7, 2, 100000), ts(0x2000))
        then:
        sink.texts() == ['link up', 'port 1 speed 100000']
    }

    def "%llx takes two parameters, high first, printed as the driver's %x%x"() {
        when:
        feed(str(8, 3, 0, (int) (BASE + 0x40)), str(8, 3, 1, 0x12345678), str(8, 3, 2, 0x9abcdef0 as int),
             str(8, 4, 0, (int) (BASE + 0x40)), str(8, 4, 1, 0x1), str(8, 4, 2, 0x5),
             ts(0x100))
        then:
        sink.texts() == ['addr 0x123456789abcdef0', 'addr 0x15']
    }

    def "seven parameters is the maximum: an eighth makes the message ready with seven"() {
        when: "a 7-parameter message completes normally"
        feed(str(8, 1, 0, (int) (BASE + 0x60)))
        (1..7).each { feed(str(8, 1, it % 8, it)) }
        feed(ts(0x100))
        then:
        sink.texts() == ['1 2 3 4 5 6 7']

        when: "a 9-conversion message is ready at its 8th parameter event; conversions 8 and 9 print 0"
        feed(str(8, 2, 0, (int) (BASE + 0x80)))
        (1..7).each { feed(str(8, 2, it, it * 10)) }
        feed(ts(0x200))
        then: "not ready yet after 7"
        sink.records.size() == 1

        when:
        feed(str(8, 2, 1, 999), ts(0x300))
        then:
        sink.texts()[1] == '10 20 30 40 50 60 70 0 0'
    }

    def "a format failing the conversion check is BAD_FORMAT at once, and its parameters are dropped"() {
        when:
        feed(str(8, 5, 0, (int) (BASE + 0xc0)), str(8, 5, 1, 0x41), ts(0x100))
        then:
        sink.texts() == ['BAD_FORMAT: name %s']
        sink.kinds == [TraceMessage.Kind.BAD_FORMAT]
        stats.badFormats == 1
        stats.rawMessages == 0
    }

    def "section lookup is strict: base < ptr < base + size"() {
        when:
        feed(str(8, 1, 0, (int) BASE),                 // exactly at base: not found
             str(8, 2, 0, (int) (BASE + 0xe0)),        // inside
             str(8, 3, 0, (int) (BASE + 0xff)),        // last byte: inside (empty string there)
             str(8, 4, 0, (int) (BASE + 0x100)),       // base + size: not found
             ts(0x100))
        then:
        sink.kinds == [TraceMessage.Kind.RAW, TraceMessage.Kind.FORMATTED, TraceMessage.Kind.FORMATTED, TraceMessage.Kind.RAW]
        sink.texts()[0] == String.format('0x%016x', str(8, 1, 0, (int) BASE))
        sink.texts()[1] == 'last'
        sink.texts()[2] == ''
        sink.texts()[3] == '0x0008002000010100'
        stats.rawMessages == 2
    }

    def "a parameter for an unknown (event_id, tmsn) is printed raw"() {
        when:
        feed(str(12, 0x1abc, 3, 0xcafe, 0x11), ts(0x1080))
        then:
        sink.texts() == ['0x110cd5e30000cafe']
        sink.records[0].eventId() == 12
        sink.records[0].timestamp() == 0x1011
        stats.unknownTmsn == 1
    }

    def "timestamp reconstruction: ts7 below TS's low bits uses TS's window, otherwise the driver's (TS - 1) window"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x10), 0x10),
             str(8, 2, 0, (int) (BASE + 0x10), 0x50),
             str(8, 3, 0, (int) (BASE + 0x10), 0x45),
             ts(0x12345))
        then: "0x10 < 0x45: (TS & MASK_52_7) | ts7; otherwise ((TS - 1) & MASK_52_7) | ts7 (TS-1, not TS-128)"
        sink.records*.timestamp() == [0x12310L, 0x12350L, 0x12345L]

        when: "TS with low bits 0: TS - 1 borrows into the previous window"
        feed(str(8, 4, 0, (int) (BASE + 0x10), 0x7f), ts(0x12380))
        then:
        sink.records[3].timestamp() == 0x1237FL
    }

    def "unreliable timestamps do not flush (trc_ver #ver, urts #urts)"() {
        given:
        def asm2 = new MessageAssembler(caps(ver), dbOne, sink, stats)

        when:
        asm2.onEvent(str(8, 1, 0, (int) (BASE + 0x10), 0x01))
        asm2.onEvent(ts(0x5000, urts))
        then:
        sink.records.isEmpty()
        stats.unreliableTimestamps == 1

        when:
        asm2.onEvent(ts(0x6010, reliable))
        then:
        sink.records*.timestamp() == [0x6001L]

        where:
        ver | urts  | reliable
        0   | 0b100 | 0b011
        1   | 0b001 | 0b110
    }

    def "the lost flag of the starting event is carried to the message"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x20), 0, true), str(8, 1, 1, 1), str(8, 1, 2, 2),
             str(8, 2, 0, (int) (BASE + 0x20)), str(8, 2, 1, 1, 0, true), str(8, 2, 2, 2),
             ts(0x100))
        then:
        sink.records*.lost() == [true, false]
        stats.lostFlagEvents == 2
    }

    def "bit 63 of a timestamp event is timestamp bit 7, not a lost flag"() {
        when:
        feed(ts(0x180), ts(0x1ff))
        then:
        stats.timestampEvents == 2
        stats.lostFlagEvents == 0
    }

    def "string event ids are first..first+num inclusive (driver quirk); others are ignored"() {
        when:
        feed(str(7, 1, 0, (int) (BASE + 0x10)),
             str(24, 1, 0, (int) (BASE + 0x10)),
             str(25, 1, 0, (int) (BASE + 0x10)),
             ts(0x100))
        then:
        sink.records*.eventId() == [24]
        stats.unrecognizedEvents == 2
    }

    def "a newer start with the same key shadows the older one, which comes back when the newer is printed"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x20)),   // A: waits for 2 params
             str(8, 1, 0, (int) (BASE + 0x10)),   // B: same key, no params: ready
             ts(0x100),                           // prints B, unhashes it
             str(8, 1, 1, 5), str(8, 1, 2, 6),    // now A's parameters
             ts(0x200))
        then:
        sink.texts() == ['link up', 'port 5 speed 6']
    }

    def "ready messages print in the order they became ready"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x20)),
             str(8, 2, 0, (int) (BASE + 0x10)),
             str(8, 1, 1, 1), str(8, 1, 2, 2),
             ts(0x100))
        then:
        sink.texts() == ['link up', 'port 1 speed 2']
    }

    def "a new string DB drops unfinished messages and uses the new strings"() {
        when:
        feed(str(8, 1, 0, (int) (BASE + 0x20)), str(8, 1, 1, 1))
        asm.setStringDb(db(section(BASE, 0x100, [0x10: 'reloaded'])))
        feed(str(8, 1, 2, 2), str(8, 2, 0, (int) (BASE + 0x10)), ts(0x100))
        then:
        sink.texts() == ['0x0008000a00000002', 'reloaded']
        stats.droppedPending == 1
    }

    def "decoding allocates nothing per event once warm (pool and format cache)"() {
        given:
        def counting = new CountingSink()
        def a = new MessageAssembler(caps(), dbOne, counting, new TraceStats())
        long[] evs = [str(8, 1, 0, (int) (BASE + 0x20)), str(8, 1, 1, 1), str(8, 1, 2, 2), ts(0x100)] as long[]
        def bean = java.lang.management.ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean
        run(a, evs, 100_000)

        when:
        long before = bean.getCurrentThreadAllocatedBytes()
        run(a, evs, 100_000)
        long allocated = bean.getCurrentThreadAllocatedBytes() - before

        then:
        counting.n == 200_000
        allocated < 100_000   // 400k events; a per-event allocation would be megabytes
    }
}
