package fwsh.emu;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raised inside the emulated firmware; the dispatcher turns it into status + syndrome in the output
 * header (it never reaches the caller as an exception). The syndrome is a stable hash of the cause
 * key, so the same cause always gives the same syndrome, and {@link #describe} maps it back.
 */
public final class FirmwareError extends RuntimeException {
    private static final Map<Long, String> CAUSES = new ConcurrentHashMap<>();

    private final int status;
    private final String cause;

    /**
     * @param cause  a short stable key such as "ACCESS_REG.unknown_register" (hashed into the syndrome)
     * @param detail human text for logs and {@link #getMessage()}
     */
    public FirmwareError(int status, String cause, String detail) {
        super(FwStatus.name(status) + " (" + cause + "): " + detail, null, false, false);
        this.status = status;
        this.cause = cause;
        CAUSES.putIfAbsent(syndromeOf(cause), cause);
    }

    public static FirmwareError badParam(String cause, String detail) {
        return new FirmwareError(FwStatus.BAD_PARAM, cause, detail);
    }

    public int status() {
        return status;
    }

    public String causeKey() {
        return cause;
    }

    public long syndrome() {
        return syndromeOf(cause);
    }

    /** FNV-1a 32 of the cause key: stable across runs and JVMs. */
    public static long syndromeOf(String cause) {
        int h = 0x811c9dc5;
        for (byte b : cause.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h & 0xffffffffL;
    }

    /** The cause key behind a syndrome the emulator produced, if any. */
    public static Optional<String> describe(long syndrome) {
        return Optional.ofNullable(CAUSES.get(syndrome & 0xffffffffL));
    }
}
