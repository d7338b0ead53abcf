package fwsh.channel;

/** Device removed (ENODEV). The handle is dead: every later call fails the same way; rediscover devices. */
public class DeviceGoneException extends ChannelException {
    public DeviceGoneException(String message) {
        super(Errno.ENODEV, message);
    }

    public DeviceGoneException(int errno, String message) {
        super(errno, message);
    }
}
