package fwsh.counters;

import java.util.List;

/**
 * Something that can read a fixed catalog of counters: a PPCNT group, QUERY_VPORT_COUNTER, MTMP, diagnostic
 * counters, or an in-memory fake. Implementations must be safe to call from one sampler thread while other
 * threads call {@link #counters()}.
 */
public interface CounterSource {

    /** Returned by {@link #read} when the source has no device timestamp for the read. */
    long NO_DEVICE_TIME = Long.MIN_VALUE;

    /** Short name of the source, e.g. {@code ppcnt}, used in listings and error messages. */
    String name();

    /** The counters this source offers, in a stable order; positions in this list are the indices {@link #read} takes. */
    List<CounterDef> counters();

    /**
     * Reads the counters at {@code indices} (positions in {@link #counters()}) into {@code into[0..indices.length)}.
     * Must not allocate on the hot path: the sampler calls it up to 10 000 times a second.
     * Values of GAUGEs narrower than 64 bits that are signed must be sign-extended by the source.
     *
     * @return the device timestamp of this read in nanoseconds (any epoch, monotonic), or {@link #NO_DEVICE_TIME}
     */
    long read(int[] indices, long[] into);

    /** True when {@link #read} returns device timestamps. */
    default boolean hasDeviceTime() {
        return false;
    }
}
