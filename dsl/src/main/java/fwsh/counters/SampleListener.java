package fwsh.counters;

/** Called on the sampler thread after every sample; must be quick and must copy {@code values} if it keeps them. */
@FunctionalInterface
public interface SampleListener {
    /**
     * @param tNanos      host time of the read, relative to the sampler's start
     * @param deviceNanos device time of the read, or {@link CounterSource#NO_DEVICE_TIME}
     * @param values      one value per selected counter (reused for the next sample)
     */
    void onSample(long tNanos, long deviceNanos, long[] values);
}
