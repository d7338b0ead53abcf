package fwsh.replay;

import fwsh.channel.ChannelException;

/**
 * A replayed request the recording cannot answer: in ordered mode it differs from the next recorded
 * request, in matched mode no recorded request has its bytes. errno 0 (no syscall happened).
 */
public class ReplayMismatchException extends ChannelException {
    public ReplayMismatchException(String message) {
        super(0, message);
    }
}
