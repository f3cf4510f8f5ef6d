package org.gapdesk.activation;

/** An IID or CID that cannot be accepted; the message names the group or block and the reason. */
public class IdFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public IdFormatException(String message) {
        super(message);
    }
}
