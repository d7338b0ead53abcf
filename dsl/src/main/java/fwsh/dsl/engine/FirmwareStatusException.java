package fwsh.dsl.engine;

import fwsh.base.FwshException;

/** The firmware answered with a non-zero status: the RPC was delivered and refused. */
public class FirmwareStatusException extends FwshException {
    private final int status;
    private final long syndrome;

    public FirmwareStatusException(String what, int status, String statusName, String statusText, long syndrome) {
        super(what + ": firmware status " + statusName + " (0x" + Integer.toHexString(status)
                + (statusText == null ? "" : ", " + statusText) + "), syndrome 0x" + Long.toHexString(syndrome));
        this.status = status;
        this.syndrome = syndrome;
    }

    public int getStatus() {
        return status;
    }

    public long getSyndrome() {
        return syndrome;
    }
}
