package fwsh.dsl.trace;

import fwsh.trace.TracerEvent;

/**
 * Counts events carrying the firmware's lost flag (bit 31 of dword 0) in a block. Timestamp events (id 0xff)
 * are skipped: there that bit is bit 7 of the timestamp, so counting it would report losses that never happened.
 */
final class LostFlags {
    private LostFlags() {
    }

    static int count(long[] events) {
        int n = 0;
        for (long e : events) {
            if (e < 0 && TracerEvent.eventId(e) != TracerEvent.TIMESTAMP_EVENT_ID) n++;
        }
        return n;
    }
}
