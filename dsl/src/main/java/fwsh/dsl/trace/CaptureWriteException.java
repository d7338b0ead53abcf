package fwsh.dsl.trace;

import fwsh.base.FwshException;

/**
 * A capture file could not be written (disk full, file size limit): the capture stopped, the file keeps every record
 * written before the failure, and the message says which file, why, and how much of it is readable.
 */
public class CaptureWriteException extends FwshException {
    public CaptureWriteException(String message) {
        super(message);
    }
}
