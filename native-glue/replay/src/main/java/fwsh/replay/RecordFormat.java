package fwsh.replay;

/** Names and version of the recording format (see REPLAY-FORMAT.md next to this class). */
public final class RecordFormat {
    /** The {@code format} value of every header line. */
    public static final String FORMAT = "fwsh-rpc-recording";
    /** The format version this fwsh writes: 2 adds the other devices of a session (device lines, "dev" fields). */
    public static final int VERSION = 2;

    static final String HEADER = "header";
    static final String DEVICE = "device";
    static final String RPC = "rpc";
    static final String UMEM_REGISTER = "umem_register";
    static final String UMEM_UNREGISTER = "umem_unregister";
    static final String EVENT = "event";
    static final String END = "end";

    private RecordFormat() {
    }

    /** Versions this fwsh reads: 1 (one device per file) and 2. */
    static boolean reads(long version) {
        return version == 1 || version == 2;
    }
}
