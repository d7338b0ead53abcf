package fwsh.channel;

/** a length is outside the interface limit (EMSGSIZE/EINVAL). */
public class RpcSizeException extends ChannelException {
    public RpcSizeException(String message) {
        super(Errno.EMSGSIZE, message);
    }

    public RpcSizeException(int errno, String message) {
        super(errno, message);
    }
}
