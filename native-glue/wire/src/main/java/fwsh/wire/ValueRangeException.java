package fwsh.wire;

/** A value its field cannot hold: too wide, negative, a fraction, null, or true/false for a field wider than 1 bit. */
public class ValueRangeException extends WireException {
    public ValueRangeException(String message) {
        super(message);
    }
}
