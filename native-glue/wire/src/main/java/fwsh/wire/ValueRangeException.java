package fwsh.wire;

/** A value that does not fit its field (too wide, or negative). */
public class ValueRangeException extends WireException {
    public ValueRangeException(String message) {
        super(message);
    }
}
