package fwsh.dsl;

import fwsh.base.FileException;

/**
 * The file given to replay is neither a readable recording nor a bundle holding one (the message names the file and
 * what is wrong with it): a mistake in what the user gave, so fwsh exits with the usage status.
 */
public class UnreadableRecordingException extends FileException {
    public UnreadableRecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
