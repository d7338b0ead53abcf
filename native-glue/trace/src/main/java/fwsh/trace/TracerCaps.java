package fwsh.trace;

/**
 * What the decoder needs to know about a device's tracer: from MTRC_CAP (trc_ver, first_string_trace,
 * num_string_trace), the size of the trace ring the tracer writes into, and the device clock frequency
 * (for real-time timestamps; 0 when unknown).
 *
 * @param trcVer             tracer version 0 or 1 (selects the urts bit of timestamp events)
 * @param firstStringTrace   lowest event_id that is a string trace
 * @param numStringTrace     number of string-trace event_ids
 * @param bufferSize         trace ring size in bytes: a power of two multiple of 256 (the kernel uses 256 KB)
 * @param deviceFrequencyKHz device clock in kHz, 0 when unknown
 */
public record TracerCaps(int trcVer, int firstStringTrace, int numStringTrace, int bufferSize, long deviceFrequencyKHz) {

    /** The kernel's ring: TRACER_BUFFER_PAGE_NUM (64) pages of 4 KB. */
    public static final int KERNEL_BUFFER_SIZE = 64 * 4096;

    public TracerCaps {
        if (trcVer < 0 || trcVer > 3) throw new IllegalArgumentException("trc_ver " + trcVer + " out of range 0..3");
        if (firstStringTrace < 0 || firstStringTrace > 0xFF)
            throw new IllegalArgumentException("first_string_trace " + firstStringTrace + " out of range 0..255");
        if (numStringTrace < 0 || numStringTrace > 0xFF)
            throw new IllegalArgumentException("num_string_trace " + numStringTrace + " out of range 0..255");
        if (bufferSize < TraceBlock.SIZE || Integer.bitCount(bufferSize) != 1)
            throw new IllegalArgumentException("trace buffer size " + bufferSize
                    + " must be a power of two of at least " + TraceBlock.SIZE + " bytes");
        if (deviceFrequencyKHz < 0) throw new IllegalArgumentException("device frequency " + deviceFrequencyKHz + " kHz is negative");
    }

    /** Caps from an MTRC_CAP read, with the kernel's 256 KB ring and an unknown clock. */
    public static TracerCaps of(MtrcCap cap) {
        return new TracerCaps(cap.trcVer(), cap.firstStringTrace(), cap.numStringTrace(), KERNEL_BUFFER_SIZE, 0);
    }

    public TracerCaps withBufferSize(int bytes) {
        return new TracerCaps(trcVer, firstStringTrace, numStringTrace, bytes, deviceFrequencyKHz);
    }

    public TracerCaps withDeviceFrequencyKHz(long kHz) {
        return new TracerCaps(trcVer, firstStringTrace, numStringTrace, bufferSize, kHz);
    }

    /**
     * The driver's test: first_string_trace <= id <= first_string_trace + num_string_trace. The upper bound is
     * inclusive in the driver (one id more than num_string_trace), reproduced on purpose.
     */
    public boolean isStringEvent(int eventId) {
        return eventId >= firstStringTrace && eventId <= firstStringTrace + numStringTrace;
    }

    /** Blocks in the ring. */
    public int blockCount() {
        return bufferSize / TraceBlock.SIZE;
    }
}
