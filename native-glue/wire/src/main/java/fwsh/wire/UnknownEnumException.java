package fwsh.wire;

/** An enum name that the field's enum does not define. */
public class UnknownEnumException extends WireException {
    public UnknownEnumException(String message) {
        super(message);
    }
}
