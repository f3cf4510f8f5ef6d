package org.gapdesk.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact true when every link holds
 * @param rows rows checked
 * @param brokenAt sequence number of the first broken link, or 0 when intact
 * @param reason what is wrong at that link, or empty
 */
public record AuditVerification(boolean intact, long rows, long brokenAt, String reason) {
    /** One line for people: {@code intact: 42 rows} or {@code broken at row 7: ...}. */
    public String describe() {
        return intact ? "audit chain intact: " + rows + " rows" : "audit chain broken at row " + brokenAt + ": " + reason;
    }
}
