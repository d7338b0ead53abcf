package fwsh.nv;

import fwsh.base.FwshException;

/** A refused or impossible NV configuration request: one line naming the parameter and what to do. */
public class NvException extends FwshException {
    public NvException(String message) {
        super(message);
    }
}
