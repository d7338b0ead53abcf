package fwsh.dsl.engine;

import fwsh.base.FwshException;

/** A DSL call given an argument that is missing, unknown, of the wrong kind or out of range; nothing was sent. */
public class ArgumentException extends FwshException {
    public ArgumentException(String message) {
        super(message);
    }
}
