package org.gapdesk.qr;

/** An image that cannot be read at all (not an image, over a limit, damaged); the message says which. */
public class QrImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public QrImageException(String message) {
        super(message);
    }
}
