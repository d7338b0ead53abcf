package fwsh.base;

/** A file fwsh was asked to read or write that it cannot (file layer): the message names the file and the OS reason. */
public class FileException extends FwshException {
    public FileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot write rx.csv: No space left on device" from the I/O error behind it. */
    public static FileException of(String verb, Object file, java.io.IOException cause) {
        String reason = cause.getMessage();
        if (cause instanceof java.nio.file.NoSuchFileException) reason = "no such file or directory";
        else if (cause instanceof java.nio.file.AccessDeniedException) reason = "permission denied";
        else if (reason != null && reason.startsWith(String.valueOf(file))) reason = reason.substring(String.valueOf(file).length()).replaceFirst("^[: ]+", "");
        return new FileException("cannot " + verb + " " + file + (reason == null || reason.isBlank() ? "" : ": " + reason), cause);
    }
}
