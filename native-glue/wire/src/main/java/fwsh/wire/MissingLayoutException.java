package fwsh.wire;

/**
 * A layout that uses a layout no loaded file defines (the kernel's mlx5_ifc.h uses mlx5_ifc_fpga.h's structs):
 * it may resolve once another catalog file is merged, so loaders report it only after every file is in.
 */
public class MissingLayoutException extends LayoutSyntaxException {
    private final String missing;

    public MissingLayoutException(String message, String missing) {
        super(message);
        this.missing = missing;
    }

    /** The name of the layout that is not defined. */
    public String missing() {
        return missing;
    }
}
