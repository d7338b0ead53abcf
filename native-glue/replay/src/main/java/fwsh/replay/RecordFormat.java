package fwsh.replay;

/** Names and version of the recording format (see REPLAY-FORMAT.md next to this class). */
public final class RecordFormat {
    /** The {@code format} value of every header line. */
    public static final String FORMAT = "fwsh-rpc-recording";
    /** The format version this fwsh writes and the only one it reads. */
    public static final int VERSION = 1;

    static final String HEADER = "header";
    static final String RPC = "rpc";
    static final String UMEM_REGISTER = "umem_register";
    static final String UMEM_UNREGISTER = "umem_unregister";
    static final String END = "end";

    private RecordFormat() {
    }
}
