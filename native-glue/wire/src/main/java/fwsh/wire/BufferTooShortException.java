package fwsh.wire;

/** A buffer that ends before the layout (or field) does. */
public class BufferTooShortException extends WireException {
    public BufferTooShortException(String message) {
        super(message);
    }
}
