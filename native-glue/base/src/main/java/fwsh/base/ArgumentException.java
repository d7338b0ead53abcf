package fwsh.base;

/**
 * A value given to fwsh that it cannot use (usage layer): an argument that is missing, unknown, of the wrong kind or
 * out of range, an option or setting it does not know. Nothing was sent to a device.
 */
public class ArgumentException extends FwshException {
    public ArgumentException(String message) {
        super(message);
    }
}
