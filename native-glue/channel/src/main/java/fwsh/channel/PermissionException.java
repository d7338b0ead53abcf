package fwsh.channel;

/** permission denied (EPERM/EACCES). */
public class PermissionException extends ChannelException {
    public PermissionException(String message) {
        super(Errno.EPERM, message);
    }

    public PermissionException(int errno, String message) {
        super(errno, message);
    }
}
