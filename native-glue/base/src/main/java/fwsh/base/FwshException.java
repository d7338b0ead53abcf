package fwsh.base;

/**
 * The root of every deliberate fwsh error (channel, wire, trace, replay, DSL): its message is the one line the user sees,
 * naming what was wrong and what to do. Anything else that escapes is a bug.
 */
public class FwshException extends RuntimeException {
    public FwshException(String message) {
        super(message);
    }

    public FwshException(String message, Throwable cause) {
        super(message, cause);
    }
}
