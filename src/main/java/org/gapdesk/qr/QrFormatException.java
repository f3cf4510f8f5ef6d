package org.gapdesk.qr;

/** A QR payload that cannot be used; the message says what is wrong in terms a technician can act on. */
public class QrFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public QrFormatException(String message) {
        super(message);
    }
}
