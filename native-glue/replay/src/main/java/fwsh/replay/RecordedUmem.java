package fwsh.replay;

/**
 * A recorded umem registration or unregistration. Umem content is never recorded.
 *
 * @param seq          sequence number
 * @param line         line in the file
 * @param register     true for a registration, false for an unregistration (informational on replay)
 * @param time         ISO-8601 instant
 * @param offsetNanos  monotonic nanoseconds since the recording started
 * @param thread       calling thread
 * @param requestedSize size asked for (registration), 0 for an unregistration
 * @param id           device umem id (-1 when the registration failed)
 * @param address      user virtual address of the memory
 * @param size         registered length (a whole number of pages)
 * @param error        the failure, or null
 * @param latencyNanos time the call took
 */
public record RecordedUmem(long seq, int line, boolean register, String time, long offsetNanos, String thread,
                           long requestedSize, int id, long address, long size, RecordedError error,
                           long latencyNanos) implements RecordedCall {

    @Override
    public String toString() {
        return "#" + seq + " umem " + (register ? "register " + requestedSize + " B" : "unregister " + id)
                + (error != null ? " → " + error.errnoName() : "");
    }
}
