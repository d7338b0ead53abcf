package fwsh.trace;

import java.util.Map;

/** The records of a trace capture file (see CAPTURE-FORMAT.md). */
public sealed interface CaptureRecord {

    int TYPE_HEADER = 1, TYPE_STRING_DB = 2, TYPE_BLOCK = 3, TYPE_LOSS = 4, TYPE_END = 5;

    /** Byte offset of the record in the file. */
    long offset();

    /** First record: who was traced, with what caps, starting when. */
    record Header(long offset, long startNanos, Map<String, String> device, TracerCaps caps) implements CaptureRecord {}

    /** The string DB in force from here on (the first one follows the header; later ones are STRINGS_DB_UPDATEs). */
    record StringDbRecord(long offset, long hostNanos, StringDb db) implements CaptureRecord {}

    /** One 256-byte block as consumed from the ring, with the host time it was read and its ring index. */
    record Block(long offset, long hostNanos, int blockIndex, byte[] data) implements CaptureRecord {}

    /** An overrun seen while capturing: block {@code blockIndex} was skipped. */
    record Loss(long offset, long hostNanos, int blockIndex, long blockTimestamp, long previousBlockTimestamp,
                long lastTimestamp) implements CaptureRecord {}

    /** Clean end of capture. */
    record End(long offset, long hostNanos, long blocks, long overruns) implements CaptureRecord {}
}
