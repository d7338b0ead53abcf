package fwsh.dsl;

/** A user-level error of the DSL: its message is the one line the user sees. */
public class FwshException extends RuntimeException {
    public FwshException(String message) {
        super(message);
    }

    public FwshException(String message, Throwable cause) {
        super(message, cause);
    }
}
