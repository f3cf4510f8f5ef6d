package org.gapdesk.qr;

/**
 * Bounds on what the kiosk accepts from QR codes. A payload over a bound is rejected with a message naming it.
 *
 * @param maxParts most parts one message may have
 * @param maxBodyBytes largest message body (before Base45), in bytes
 * @param maxEntries most IIDs one message may carry
 * @param maxOpenMessages most incomplete messages one assembler tracks at a time
 */
public record QrLimits(int maxParts, int maxBodyBytes, int maxEntries, int maxOpenMessages) {
    /** Longest text a QR code can hold (version 40, level L, alphanumeric mode); longer input is not a QR part. */
    public static final int MAX_PART_CHARS = 4296;

    /** 250 parts, 100,000 bytes, 50,000 entries, 16 open messages. */
    public static final QrLimits DEFAULT = new QrLimits(250, 100_000, 50_000, 16);

    public QrLimits {
        if (maxParts < 1 || maxParts > 9999 || maxBodyBytes < 1 || maxEntries < 1 || maxOpenMessages < 1) {
            throw new IllegalArgumentException("QR limits must be positive (and at most 9999 parts)");
        }
    }
}
