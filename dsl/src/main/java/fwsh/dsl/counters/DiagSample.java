package fwsh.dsl.counters;

/**
 * One diagnostic counter sample as QUERY_DIAGNOSTIC_COUNTERS returns it.
 *
 * @param counterId   the counter id (e.g. 0x2006)
 * @param name        fwsh's name for it (e.g. diag_tx_pipe_packets)
 * @param sampleId    the device's 16-bit sample id (shared by the counters of one sample)
 * @param timestamp   time_stamp_31_0: the low 32 bits of the device clock at the sample
 * @param deviceNanos the timestamp extended past 32-bit wraps and converted to ns (any epoch)
 * @param value       the 64-bit counter value
 */
public record DiagSample(int counterId, String name, int sampleId, long timestamp, long deviceNanos, long value) {
    @Override
    public String toString() {
        return String.format("0x%04x %-36s sample %5d ts %10d value %s", counterId, name, sampleId, timestamp, Long.toUnsignedString(value));
    }
}
