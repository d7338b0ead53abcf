package fwsh.trace;

import fwsh.base.FwshException;

/** The firmware tracer answered something fwsh cannot trace with (MTRC_CAP, MTRC_STDB, the device clock). */
public class TraceException extends FwshException {
    public TraceException(String message) {
        super(message);
    }
}
