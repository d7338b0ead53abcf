package fwsh.channel;

import java.util.List;

/**
 * The one interface every backend implements: kernel fwctl, kernel mlx5ctl, the emulated ConnectX
 * and record/replay. Payloads are raw mlx5 command mailboxes: a 16-byte input header
 * (opcode, uid, op_mod) and a 16-byte output header (status, syndrome).
 *
 * <p>Implementations are thread-safe without a global lock: concurrent {@link #rpc} calls proceed in
 * parallel. After the device is removed every call fails fast with {@link DeviceGoneException}.
 *
 * <p>A firmware status in the output header is not an exception here: the output is returned as is
 * and decoded by the layer above. Exceptions mean the RPC was not delivered (errno layer).
 */
public interface Channel extends AutoCloseable {

    DeviceInfo info();

    /**
     * Sends one command mailbox.
     *
     * @param scope  fwctl scope the RPC is sent at (ignored by mlx5ctl, which has no scopes)
     * @param in     the input mailbox, at least 16 bytes; never modified (callers may send the same bytes again)
     * @param outLen size of the output mailbox, at least 16 bytes
     * @return the output mailbox, exactly {@code outLen} bytes
     */
    byte[] rpc(Scope scope, byte[] in, int outLen);

    /** Whether {@link #registerUmem} can work on this channel. */
    boolean supportsUmem();

    /**
     * Allocates page-aligned memory of at least {@code size} bytes and registers it with the device.
     *
     * @throws UmemUnsupportedException on backends without umem (mainline fwctl)
     */
    Umem registerUmem(long size);

    /**
     * The device's time source: the host clock for kernel devices, the emulator's own clock (virtual in tests).
     * A decorator returns the clock of the channel it wraps.
     */
    default DeviceClock clock() {
        return DeviceClock.host();
    }

    /**
     * The asynchronous events delivered to this handle since the last call, oldest first (the tracer's
     * STRINGS_DB_UPDATE, TRACES_AVAILABLE). The kernel's fwctl and mlx5ctl interfaces pass no events to user
     * space, so kernel channels answer none and callers fall back on polling; the emulator delivers its own. A
     * decorator hands on the events of the channel it wraps.
     */
    default List<DeviceEvent> drainEvents() {
        return List.of();
    }

    /** Releases every umem and the handle. Idempotent. */
    @Override
    void close();
}
