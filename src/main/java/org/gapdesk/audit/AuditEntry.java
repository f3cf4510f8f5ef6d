package org.gapdesk.audit;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param seq position in the chain, from 1
 * @param at when
 * @param operator who
 * @param action what kind of change, e.g. {@code request.confirmed}
 * @param subject what it changed, e.g. {@code request 12}
 * @param detail the change in words
 * @param prevHash hash of the row before
 * @param hash this row's hash
 */
public record AuditEntry(long seq, Instant at, String operator, String action, String subject, String detail,
        String prevHash, String hash) {
}
