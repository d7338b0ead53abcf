package fwsh.replay;

import fwsh.channel.DeviceEvent;

/**
 * An asynchronous device event the recorded session received (a string-DB update of the tracer...). Replay hands it
 * out once the calls recorded before it have been answered, so a tracer sees it at the same point of its session.
 *
 * @param seq         sequence number
 * @param line        line in the file
 * @param time        ISO-8601 instant it was received
 * @param offsetNanos monotonic nanoseconds since the recording started
 * @param thread      the thread that took it
 * @param event       the event as the device raised it
 */
public record RecordedEvent(long seq, int line, String time, long offsetNanos, String thread, DeviceEvent event)
        implements RecordedCall {

    /** Events never fail. */
    @Override
    public RecordedError error() {
        return null;
    }

    @Override
    public String toString() {
        return "#" + seq + " event 0x" + Integer.toHexString(event.type()) + "/" + event.subType() + " " + event.description();
    }
}
