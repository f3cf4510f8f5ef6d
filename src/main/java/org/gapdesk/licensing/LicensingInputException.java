package org.gapdesk.licensing;

/** Input the licensing desk refuses (a full product key, a bad count or date); the message says what to enter. */
public final class LicensingInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LicensingInputException(String message) {
        super(message);
    }
}
