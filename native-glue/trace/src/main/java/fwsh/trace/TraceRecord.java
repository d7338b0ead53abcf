package fwsh.trace;

/**
 * An immutable decoded firmware trace message.
 *
 * @param timestamp full device timestamp (53 bits, reconstructed from the block's timestamp event)
 * @param lost      the firmware's lost flag of the message's first event
 * @param eventId   the event_id
 * @param message   the formatted text, as the kernel would print it
 */
public record TraceRecord(long timestamp, boolean lost, int eventId, String message) {
    /** The kernel tracepoint text after the device name: {@code [0x<ts>] <lost> [0x<event_id>] <msg>}. */
    @Override public String toString() {
        return "[0x" + Long.toHexString(timestamp) + "] " + (lost ? 1 : 0) + " [0x" + Integer.toHexString(eventId) + "] " + message;
    }
}
