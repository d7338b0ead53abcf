package fwsh.wire;

/** A catalog source that cannot be parsed or resolved; the message starts with file:line. */
public class LayoutSyntaxException extends WireException {
    public LayoutSyntaxException(String message) {
        super(message);
    }
}
