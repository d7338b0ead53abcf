package fwsh.trace

import spock.lang.Specification

class TracerEventSpec extends Specification {

    def "string event fields sit where fw_tracer.h puts them"() {
        given: "lost=1, ts7=0x55, event_id=0x0c, tmsn=0x1abc, tdsn=5, string_param=0xdeadbeef"
        long e = (0x80000000L | (0x55L << 24) | (0x0cL << 16) | (0x1abcL << 3) | 5L) << 32 | 0xdeadbeefL

        expect:
        TracerEvent.lost(e)
        TracerEvent.timestamp7(e) == 0x55
        TracerEvent.eventId(e) == 0x0c
        TracerEvent.tmsn(e) == 0x1abc
        TracerEvent.tdsn(e) == 5
        TracerEvent.stringParam(e) == (int) 0xdeadbeefL
        TracerEvent.encodeString(true, 0x55, 0x0c, 0x1abc, 5, (int) 0xdeadbeefL) == e
    }

    def "timestamp event splits the 53-bit clock into 7_0, 52_40 and 39_8"() {
        given:
        long t = 0x1ABCDE12345678L & 0x1FFFFFFFFFFFFFL
        long e = TracerEvent.encodeTimestamp(t, 0b101)

        expect:
        TracerEvent.eventId(e) == 0xFF
        (int) (e >>> 56) == (int) (t & 0xFF)               // timestamp7_0 at 0x00[31:24]
        ((e >>> 32) & 0x1FFF) == (t >>> 40)                 // timestamp52_40 at 0x00[12:0]
        (e & 0xFFFFFFFFL) == ((t >>> 8) & 0xFFFFFFFFL)      // timestamp39_8 at 0x04
        TracerEvent.urts(e) == 0b101
        TracerEvent.timestamp(e) == t
    }

    def "urts: trc_ver 0 reads bit 2, trc_ver 1 reads bit 0"() {
        expect:
        TracerEvent.unreliable(TracerEvent.encodeTimestamp(1000, urts), ver) == unreliable

        where:
        urts  | ver || unreliable
        0b100 | 0   || true
        0b001 | 0   || false
        0b011 | 0   || false
        0b001 | 1   || true
        0b100 | 1   || false
        0b000 | 1   || false
    }

    def "encoders refuse values that do not fit"() {
        when:
        TracerEvent.encodeString(false, 0x80, 1, 0, 0, 0)
        then:
        def ex = thrown(IllegalArgumentException)
        ex.message.contains('timestamp 128')

        when:
        TracerEvent.encodeTimestamp(1L << 53, 0)
        then:
        thrown(IllegalArgumentException)
    }

    def "MTRC_CAP fields decode from register bytes"() {
        given:
        byte[] reg = new byte[0x80]
        reg[0] = (byte) 0xC1       // trace_owner, trace_to_memory, trc_ver=1
        reg[3] = 2                 // num_string_db
        reg[4] = 0x10; reg[5] = 0x20 // first_string_trace 16, num 32
        reg[11] = 6
        fwsh.wire.Bits.putU32(reg, 0x10, 0x1000); fwsh.wire.Bits.putU32(reg, 0x14, 0x400)
        fwsh.wire.Bits.putU32(reg, 0x18, 0x8000); fwsh.wire.Bits.putU32(reg, 0x1c, 0xFF000140 as int)

        when:
        def cap = MtrcCap.parse(reg)

        then:
        cap.traceOwner() && cap.traceToMemory()
        cap.trcVer() == 1
        cap.numStringDb() == 2
        cap.firstStringTrace() == 16 && cap.numStringTrace() == 32
        cap.logMaxTraceBufferSize() == 6
        cap.stringDbBase() == [0x1000L, 0x8000L] as long[]
        cap.stringDbSize() == [0x400, 0x140] as int[]   // size is 24 bits: the top byte is not part of it
        TracerCaps.of(cap).isStringEvent(48)
        !TracerCaps.of(cap).isStringEvent(49)
    }

    def "short MTRC_CAP data is refused with one clear line"() {
        when:
        MtrcCap.parse(new byte[16])
        then:
        def ex = thrown(TraceException)
        ex.message.contains('16 bytes')
    }
}
