package org.gapdesk.receipts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the kiosk exported ({@code bundle}, {@code bundle_entry}): receipts check a results file against
 * the bundle it names. Only bundles that were written and verified ({@code status = 'WRITTEN'}) moved requests
 * to exported; the others are found too, so a results file naming one can be refused with the reason.
 */
final class ExportedBundles {
    /**
     * A written bundle.
     *
     * @param id its record id
     * @param status {@code WRITTEN}, or {@code RESERVED} / {@code FAILED} for an export that did not complete
     * @param manifestSha256 SHA-256 of its manifest, lower-case hex
     * @param entries its entries by request id
     */
    record Exported(long id, String status, String manifestSha256, Map<Long, ExportedEntry> entries) {
        boolean written() {
            return "WRITTEN".equals(status);
        }
    }

    /**
     * One entry as it was written into the bundle.
     *
     * @param machine machine name or alias
     * @param activationId Activation ID or null
     * @param iid IID digits
     */
    record ExportedEntry(String machine, String activationId, String iid) {
    }

    /** The bundle {@code lab} #{@code sequence} as recorded, with its entries. */
    Optional<Exported> find(Connection c, String lab, long sequence) throws SQLException {
        long id;
        String sha;
        String status;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, manifest_sha256, status FROM bundle"
                + " WHERE lab = ? AND sequence = ?")) {
            ps.setString(1, lab);
            ps.setLong(2, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                sha = rs.getString(2).trim().toLowerCase(java.util.Locale.ROOT);
                status = rs.getString(3);
            }
        }
        Map<Long, ExportedEntry> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, machine, activation_id, iid"
                + " FROM bundle_entry WHERE bundle_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getLong(1), new ExportedEntry(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return Optional.of(new Exported(id, status, sha, entries));
    }

    /** The highest sequence of a written bundle of {@code lab} that carried request {@code requestId}, or 0. */
    long latestSequenceOf(Connection c, String lab, long requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(b.sequence) FROM bundle_entry e"
                + " JOIN bundle b ON b.id = e.bundle_id WHERE e.request_id = ? AND b.lab = ? AND b.status = 'WRITTEN'")) {
            ps.setLong(1, requestId);
            ps.setString(2, lab);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
