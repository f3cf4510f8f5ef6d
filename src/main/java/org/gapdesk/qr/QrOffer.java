package org.gapdesk.qr;

/**
 * What the assembler did with one decoded string.
 *
 * @param status what happened
 * @param message one line for the technician, e.g. {@code part 3 of 12 of QR message 7K3M9Q2D added: 5 of 12
 *     parts; missing 1-2, 4-6, 8-12}
 * @param progress the message's progress after this string, or null when the string belongs to no message
 * @param completed the completed message when this string completed it (status {@code COMPLETED}), else null
 */
public record QrOffer(Status status, String message, QrProgress progress, QrMessage completed) {
    /** Outcomes of {@link QrMessageAssembler#offer(String)}. */
    public enum Status {
        /** A new part of a message; the message is not complete yet. */
        ADDED,
        /** A part already held (webcams see each code many times); nothing changed. */
        DUPLICATE,
        /** The last missing part: the message is complete and verified. */
        COMPLETED,
        /** A part of a message that was already completed; nothing changed. */
        ALREADY_COMPLETED,
        /** Not a Gapdesk payload (bare IID digits, slmgr text, ...): import the text through intake as it is. */
        NOT_GAPDESK,
        /** A Gapdesk payload that cannot be used; {@code message} says why. Nothing changed. */
        REJECTED
    }
}
