package fwsh.dsl.engine;

import fwsh.base.FwshException;

/** An RPC or scope change refused by the session before anything was sent. */
public class ScopeRefusedException extends FwshException {
    public ScopeRefusedException(String message) {
        super(message);
    }
}
