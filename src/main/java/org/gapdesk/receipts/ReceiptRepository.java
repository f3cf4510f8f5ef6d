package org.gapdesk.receipts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;
import org.gapdesk.store.GeneratedKeys;

/** Stores results files and their entries ({@code receipt_file}, {@code receipt_entry}). */
final class ReceiptRepository {
    /**
     * A stored results file.
     *
     * @param fileName its name
     * @param operator who imported it
     * @param importedAt when
     */
    record StoredFile(String fileName, String operator, Instant importedAt) {
    }

    /**
     * What an earlier file said about a request for one bundle.
     *
     * @param fileName that file
     * @param outcome, hresult, licenseStatus, reason, currentIid as it said
     */
    record Recorded(String fileName, String outcome, String hresult, Integer licenseStatus, String reason,
            String currentIid) {
        boolean sameAs(ResultEntry e) {
            return outcome.equals(e.outcome()) && java.util.Objects.equals(hresult, e.hresult())
                    && java.util.Objects.equals(licenseStatus, e.licenseStatus())
                    && java.util.Objects.equals(reason, e.reason())
                    && java.util.Objects.equals(currentIid, e.currentInstallationId());
        }
    }

    /** The stored file with these exact bytes ({@code sha256}), if any. */
    Optional<StoredFile> findBySha256(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT file_name, operator, imported_at FROM receipt_file WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredFile(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }

    /** The latest entry that moved or noted {@code requestId} for bundle {@code lab} #{@code sequence}. */
    Optional<Recorded> latest(Connection c, long requestId, String lab, long sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f.file_name, e.outcome, e.hresult, e.license_status,"
                + " e.reason, e.current_iid FROM receipt_entry e JOIN receipt_file f ON f.id = e.receipt_id"
                + " WHERE e.request_id = ? AND f.lab = ? AND f.bundle_sequence = ? AND e.effect <> 'UNCHANGED'"
                + " ORDER BY e.id DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, requestId);
            ps.setString(2, lab);
            ps.setLong(3, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer status = rs.getObject(4) == null ? null : rs.getInt(4);
                return Optional.of(new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), status,
                        rs.getString(5), rs.getString(6)));
            }
        }
    }

    /** Inserts the file row; returns its id. */
    long insertFile(Connection c, String fileName, String sha256, ResultsFile f, String operator, Instant now,
            String summary) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt_file (file_name, sha256, lab,"
                + " bundle_sequence, manifest_sha256, sequence_override, written_at, operator, imported_at, summary)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, fileName);
            ps.setString(2, sha256);
            ps.setString(3, f.lab());
            ps.setLong(4, f.bundleSequence());
            ps.setString(5, f.bundleManifestSha256());
            ps.setBoolean(6, f.sequenceOverride());
            ps.setString(7, f.writtenAt());
            ps.setString(8, operator);
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setString(10, summary.length() > 4000 ? summary.substring(0, 4000) : summary);
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    /** Inserts one entry with its effect. */
    void insertEntry(Connection c, long receiptId, ResultEntry e, ReceiptEffect effect) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt_entry (receipt_id, request_id, outcome,"
                + " hresult, license_status, reason, current_iid, effect) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, receiptId);
            ps.setLong(2, e.requestId());
            ps.setString(3, e.outcome());
            ps.setString(4, e.hresult());
            if (e.licenseStatus() == null) {
                ps.setNull(5, Types.INTEGER);
            } else {
                ps.setInt(5, e.licenseStatus());
            }
            ps.setString(6, e.reason());
            ps.setString(7, e.currentInstallationId());
            ps.setString(8, effect.name());
            ps.executeUpdate();
        }
    }
}
