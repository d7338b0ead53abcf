package fwsh.replay;

/** One numbered record of a recording: an RPC, a umem registration/unregistration or a device event. */
public sealed interface RecordedCall permits RecordedRpc, RecordedUmem, RecordedEvent {
    /** Sequence number, 1-based, in file order. */
    long seq();

    /** Line of the file the record is on (1-based), for messages. */
    int line();

    /** Nanoseconds since the recording started, when the call was made. */
    long offsetNanos();

    String thread();

    /** The failure, or null if the call succeeded. */
    RecordedError error();
}
