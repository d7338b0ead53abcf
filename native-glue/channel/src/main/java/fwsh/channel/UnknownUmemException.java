package fwsh.channel;

/** no umem with that id (ENOENT). */
public class UnknownUmemException extends ChannelException {
    public UnknownUmemException(String message) {
        super(Errno.ENOENT, message);
    }

    public UnknownUmemException(int errno, String message) {
        super(errno, message);
    }
}
