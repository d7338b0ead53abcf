package fwsh.channel;

/** the node is not a fwctl/mlx5ctl device (ENOTTY). */
public class NotADeviceException extends ChannelException {
    public NotADeviceException(String message) {
        super(Errno.ENOTTY, message);
    }

    public NotADeviceException(int errno, String message) {
        super(errno, message);
    }
}
