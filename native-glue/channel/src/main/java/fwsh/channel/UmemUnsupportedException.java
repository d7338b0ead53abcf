package fwsh.channel;

/** this backend has no user memory (umem). */
public class UmemUnsupportedException extends ChannelException {
    public UmemUnsupportedException(String message) {
        super(Errno.EOPNOTSUPP, message);
    }

    public UmemUnsupportedException(int errno, String message) {
        super(errno, message);
    }
}
