package fwsh.dsl.engine;

import fwsh.base.FwshException;

/** The journal line could not be written, so the state-changing RPC was not sent. */
public class JournalException extends FwshException {
    public JournalException(String message) {
        super(message);
    }
}
