package fwsh.trace;

/**
 * Field access for one 8-byte tracer event held as a primitive long: the two big-endian dwords of the
 * event with dword 0 in the high half (the driver applies MLX5_GET to a u64). Layouts from the kernel's
 * {@code diag/fw_tracer.h}: tracer_event, tracer_string_event, tracer_timestamp_event.
 * All methods are static and allocation-free so the decode loop stays on primitives.
 */
public final class TracerEvent {

    /** event_id of a timestamp event (TRACER_EVENT_TYPE_TIMESTAMP). */
    public static final int TIMESTAMP_EVENT_ID = 0xFF;
    /** Bytes per event. */
    public static final int SIZE = 8;

    private TracerEvent() {}

    /** lost, 0x00[31]: the firmware dropped events before this one. */
    public static boolean lost(long e) { return e < 0; }

    /** timestamp, 0x00[30:24]: the 7 LSBs of the device clock (string events). */
    public static int timestamp7(long e) { return (int) (e >>> 56) & 0x7F; }

    /** event_id, 0x00[23:16]. */
    public static int eventId(long e) { return (int) (e >>> 48) & 0xFF; }

    /** tmsn, 0x00[15:3]: 13-bit message sequence number (string events). */
    public static int tmsn(long e) { return (int) (e >>> 35) & 0x1FFF; }

    /** tdsn, 0x00[2:0]: 3-bit data sequence number, 0 starts a message (string events). */
    public static int tdsn(long e) { return (int) (e >>> 32) & 0x7; }

    /** string_param, 0x04[31:0]: a string-DB pointer (tdsn 0) or a parameter. */
    public static int stringParam(long e) { return (int) e; }

    /** urts, 0x00[15:13] of a timestamp event. */
    public static int urts(long e) { return (int) (e >>> 45) & 0x7; }

    /** The unreliable-timestamp flag as the driver reads it: trc_ver 0 uses urts bit 2, trc_ver 1 bit 0. */
    public static boolean unreliable(long e, int trcVer) {
        int urts = urts(e);
        return trcVer == 0 ? (urts >> 2) != 0 : (urts & 1) != 0;
    }

    /** Full 53-bit device timestamp of a timestamp event: ts52_40 << 40 | ts39_8 << 8 | ts7_0. */
    public static long timestamp(long e) {
        long ts7_0 = (e >>> 56) & 0xFF;
        long ts52_40 = (e >>> 32) & 0x1FFF;
        long ts39_8 = e & 0xFFFFFFFFL;
        return (ts52_40 << 40) | (ts39_8 << 8) | ts7_0;
    }

    /** Encodes a string event (for emulators and tests). Fields wider than their slot are refused. */
    public static long encodeString(boolean lost, int timestamp7, int eventId, int tmsn, int tdsn, int param) {
        check("timestamp", timestamp7, 0x7F);
        check("event_id", eventId, 0xFF);
        check("tmsn", tmsn, 0x1FFF);
        check("tdsn", tdsn, 0x7);
        long hi = (lost ? 1L << 31 : 0) | ((long) timestamp7 << 24) | ((long) eventId << 16) | ((long) tmsn << 3) | tdsn;
        return (hi << 32) | (param & 0xFFFFFFFFL);
    }

    /** Encodes a timestamp event (event_id 0xFF) of a 53-bit device timestamp with the given urts bits. */
    public static long encodeTimestamp(long timestamp, int urts) {
        if (timestamp < 0 || timestamp > 0x1FFFFFFFFFFFFFL) {
            throw new IllegalArgumentException("timestamp 0x" + Long.toHexString(timestamp) + " does not fit 53 bits");
        }
        check("urts", urts, 0x7);
        long hi = ((timestamp & 0xFF) << 24) | (0xFFL << 16) | ((long) urts << 13) | ((timestamp >>> 40) & 0x1FFF);
        return (hi << 32) | ((timestamp >>> 8) & 0xFFFFFFFFL);
    }

    private static void check(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " " + value + " out of range 0.." + max);
        }
    }
}
