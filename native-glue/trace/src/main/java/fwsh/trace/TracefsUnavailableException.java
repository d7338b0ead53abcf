package fwsh.trace;

import fwsh.base.FwshException;

/** The kernel's firmware-tracer output cannot be read from tracefs; the message says what to mount or enable. */
public class TracefsUnavailableException extends FwshException {
    public TracefsUnavailableException(String message) {
        super(message);
    }
}
