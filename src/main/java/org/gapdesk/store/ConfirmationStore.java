package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The CID store: the Confirmation ID on record for each exact IID digit string. */
public final class ConfirmationStore {

    /** The CID digits on record for {@code iidDigits}, if any. */
    public Optional<String> find(Connection c, String iidDigits) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cid FROM confirmation WHERE iid = ?")) {
            ps.setString(1, iidDigits);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The CIDs on record for any of {@code iids}, keyed by IID digits. */
    public java.util.Map<String, String> findAll(Connection c, java.util.Collection<String> iids) throws SQLException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.util.List<String> all = new java.util.ArrayList<>(iids);
        for (int from = 0; from < all.size(); from += 500) {
            java.util.List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT iid, cid FROM confirmation WHERE iid IN (" + marks
                    + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Records the CID for an IID. A different CID already on record is kept in {@code confirmation_history}
     * before it is replaced: nothing is lost.
     */
    public void put(Connection c, String iidDigits, String cidDigits, boolean checkOverride, String operator,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation_history (iid, cid, check_override,"
                + " recorded_by, recorded_at, replaced_by, replaced_at) SELECT iid, cid, check_override, recorded_by,"
                + " recorded_at, ?, ? FROM confirmation WHERE iid = ? AND cid <> ?")) {
            ps.setString(1, operator);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, iidDigits);
            ps.setString(4, cidDigits);
            ps.executeUpdate();
        }
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE confirmation SET cid = ?, check_override = ?,"
                + " recorded_by = ?, recorded_at = ? WHERE iid = ?")) {
            ps.setString(1, cidDigits);
            ps.setBoolean(2, checkOverride);
            ps.setString(3, operator);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, iidDigits);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO confirmation (iid, cid, check_override,"
                    + " recorded_by, recorded_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, iidDigits);
                ps.setString(2, cidDigits);
                ps.setBoolean(3, checkOverride);
                ps.setString(4, operator);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
    }
}
