package fwsh.channel;

/** opcode not allowed at the scope sent (EBADMSG). */
public class ScopeNotAllowedException extends ChannelException {
    public ScopeNotAllowedException(String message) {
        super(Errno.EBADMSG, message);
    }

    public ScopeNotAllowedException(int errno, String message) {
        super(errno, message);
    }
}
