package fwsh.trace;

/** The kernel's firmware-tracer output cannot be read from tracefs; the message says what to mount or enable. */
public class TracefsUnavailableException extends RuntimeException {
    public TracefsUnavailableException(String message) {
        super(message);
    }
}
