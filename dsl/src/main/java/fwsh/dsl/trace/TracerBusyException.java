package fwsh.dsl.trace;

import fwsh.base.FwshException;

/** Tracer ownership was requested and not granted: someone else (a kernel PF driver, another session) owns it. */
public class TracerBusyException extends FwshException {
    public TracerBusyException(String message) {
        super(message);
    }
}
