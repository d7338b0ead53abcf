package fwsh.channel;

/** umem could not be pinned: memlock limit (ENOMEM). */
public class UmemLimitException extends ChannelException {
    public UmemLimitException(String message) {
        super(Errno.ENOMEM, message);
    }

    public UmemLimitException(int errno, String message) {
        super(errno, message);
    }
}
