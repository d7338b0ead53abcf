package fwsh.wire;

import fwsh.base.FwshException;

/** Base of every wire-format error: one line naming the layout/field and what to do. */
public class WireException extends FwshException {
    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
