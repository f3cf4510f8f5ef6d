package org.gapdesk.licensing;

import java.time.Instant;

/**
 * A recorded crossing of the warning threshold by one MAK: raised once, mailed once.
 *
 * @param id record id
 * @param last5 the MAK
 * @param keyGroup its key group
 * @param remaining the local count when it crossed
 * @param threshold the warning threshold it crossed
 * @param raisedBy operator whose action revealed the crossing
 * @param raisedAt when
 * @param mailStatus whether the alert mail went
 * @param mailDetail the recipients, or why it did not go; null while pending
 */
public record MakAlert(long id, String last5, String keyGroup, long remaining, int threshold, String raisedBy,
        Instant raisedAt, MailStatus mailStatus, String mailDetail) {

    /** What became of the alert mail. */
    public enum MailStatus {
        /** Handed to the relay's queue; the answer is not in yet. */
        PENDING,
        /** The relay accepted it. */
        SENT,
        /** Not sent (mail off, relay down, ...): {@code mailDetail} says why. */
        NOT_SENT
    }

    /** One line for people. */
    public String summary() {
        return "MAK ending " + last5 + " (" + keyGroup + ") fell to " + remaining + " remaining (warning threshold "
                + threshold + ")";
    }
}
