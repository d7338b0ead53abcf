package fwsh.channel;

/** How a channel reaches its device. */
public enum Transport {
    /** Mainline fwctl: /dev/fwctl/fwctlN (Linux 6.15 and later). */
    FWCTL("fwctl"),
    /** The out-of-tree mlx5ctl misc driver (V4 UAPI): /dev/mlx5ctl-mlx5_core.ctl.N. */
    MLX5CTL("mlx5ctl"),
    /** The built-in emulated ConnectX. */
    EMULATED("emulated"),
    /** A recorded session served back. */
    REPLAY("replay");

    public final String label;

    Transport(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
