package fwsh.channel;

import fwsh.base.FwshException;

/**
 * The errno layer: the RPC (or open, or umem call) was not delivered. The message is one line that
 * names what was wrong and what to do. Firmware statuses are never reported through this class.
 */
public class ChannelException extends FwshException {
    private final int errno;

    public ChannelException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public ChannelException(int errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /** The Linux errno behind this error, or 0 when it was detected before any syscall. */
    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }
}
