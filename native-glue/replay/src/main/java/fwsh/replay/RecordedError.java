package fwsh.replay;

import fwsh.channel.ChannelException;
import fwsh.channel.DeviceGoneException;
import fwsh.channel.Errno;
import fwsh.channel.NotADeviceException;
import fwsh.channel.PermissionException;
import fwsh.channel.RpcSizeException;
import fwsh.channel.ScopeNotAllowedException;
import fwsh.channel.UmemLimitException;
import fwsh.channel.UmemUnsupportedException;
import fwsh.channel.UnknownUmemException;

/**
 * A call that failed in the recorded session (errno layer), re-thrown on replay as the same
 * exception class with the same errno and message.
 *
 * @param errno     Linux errno, 0 when detected before any syscall
 * @param exception simple class name of the exception thrown (a {@code fwsh.channel} class, or
 *                  IllegalArgumentException / IllegalStateException), or null if not recorded
 * @param message   the exception's one-line message
 */
public record RecordedError(int errno, String exception, String message) {

    static RecordedError of(RuntimeException e) {
        int errno = e instanceof ChannelException ce ? ce.errno() : 0;
        return new RecordedError(errno, e.getClass().getSimpleName(), e.getMessage());
    }

    public String errnoName() {
        return Errno.name(errno);
    }

    /**
     * The exception to throw on replay: the recorded class when it is a known one, else the class the
     * errno maps to (ENODEV → DeviceGoneException, EBADMSG → ScopeNotAllowedException, EPERM/EACCES →
     * PermissionException, EMSGSIZE/E2BIG → RpcSizeException, ENOTTY → NotADeviceException), else a
     * plain ChannelException.
     */
    public RuntimeException toException() {
        String m = message == null ? "" : message;
        if (exception != null) {
            switch (exception) {
                case "DeviceGoneException": return new DeviceGoneException(errno, m);
                case "ScopeNotAllowedException": return new ScopeNotAllowedException(errno, m);
                case "PermissionException": return new PermissionException(errno, m);
                case "RpcSizeException": return new RpcSizeException(errno, m);
                case "NotADeviceException": return new NotADeviceException(errno, m);
                case "UmemLimitException": return new UmemLimitException(errno, m);
                case "UmemUnsupportedException": return new UmemUnsupportedException(errno, m);
                case "UnknownUmemException": return new UnknownUmemException(errno, m);
                case "ChannelException": return new ChannelException(errno, m);
                case "IllegalArgumentException": return new IllegalArgumentException(m);
                case "IllegalStateException": return new IllegalStateException(m);
                default: break;
            }
        }
        return switch (errno) {
            case Errno.ENODEV -> new DeviceGoneException(errno, m);
            case Errno.EBADMSG -> new ScopeNotAllowedException(errno, m);
            case Errno.EPERM, Errno.EACCES -> new PermissionException(errno, m);
            case Errno.EMSGSIZE, Errno.E2BIG -> new RpcSizeException(errno, m);
            case Errno.ENOTTY -> new NotADeviceException(errno, m);
            default -> new ChannelException(errno, m);
        };
    }
}
