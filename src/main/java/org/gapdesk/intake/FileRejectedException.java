package org.gapdesk.intake;

/** A file that cannot be imported at all; the message names the file and the line or element at fault. */
public class FileRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FileRejectedException(String message) {
        super(message);
    }

    public FileRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
