package org.gapdesk.bundle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.store.GeneratedKeys;

/** Reads and writes bundles and their entries. Every method takes the caller's connection. */
public final class BundleRepository {
    private static final String COLUMNS = "id, lab, sequence, status, kiosk_id, batch_id, created_at, created_by,"
            + " manifest_sha256, manifest_sig, entry_count, key_fingerprint, destination, finished_at, failure";
    private static final int CHUNK = 500;

    /** The state and CID of a request, read under a row lock. */
    record Locked(String state, String cid) {
    }

    /** The highest sequence ever allocated for the lab (whatever became of it), or 0. */
    public long lastAllocated(Connection c, String lab) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sequence) FROM bundle WHERE lab = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inserts a bundle in {@link BundleStatus#RESERVED} with its entries; returns its id. */
    long insertReserved(Connection c, BundleHeader h, Long batchId, String operator, String manifestSha256,
            byte[] signature, List<BundleEntry> entries) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bundle (lab, sequence, status, kiosk_id, batch_id,"
                + " created_at, created_by, manifest_sha256, manifest_sig, entry_count, key_fingerprint)"
                + " VALUES (?,?,'RESERVED',?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, h.lab());
            ps.setLong(2, h.sequence());
            ps.setString(3, h.kioskId());
            if (batchId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, batchId);
            }
            ps.setTimestamp(5, Timestamp.from(h.createdAt()));
            ps.setString(6, operator);
            ps.setString(7, manifestSha256);
            ps.setString(8, Base64.getEncoder().encodeToString(signature));
            ps.setInt(9, entries.size());
            ps.setString(10, h.keyFingerprint());
            ps.executeUpdate();
            id = GeneratedKeys.of(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bundle_entry (bundle_id, request_id, machine,"
                + " is_alias, activation_id, application_id, product, iid, cid) VALUES (?,?,?,?,?,?,?,?,?)")) {
            int n = 0;
            for (BundleEntry e : entries) {
                ps.setLong(1, id);
                ps.setLong(2, e.requestId());
                ps.setString(3, e.machine());
                ps.setBoolean(4, e.alias());
                ps.setString(5, e.activationId());
                ps.setString(6, e.applicationId());
                ps.setString(7, e.product());
                ps.setString(8, e.installationId());
                ps.setString(9, e.confirmationId());
                ps.addBatch();
                if (++n % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Moves a reserved bundle to {@code status}; false when it was not reserved. */
    boolean finish(Connection c, long id, BundleStatus status, String destination, String failure, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE bundle SET status = ?, destination = ?, failure = ?,"
                + " finished_at = ? WHERE id = ? AND status = 'RESERVED'")) {
            ps.setString(1, status.name());
            ps.setString(2, clip(destination));
            ps.setString(3, clip(failure));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setLong(5, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** One bundle by id. */
    public Optional<BundleRecord> find(Connection c, long id) throws SQLException {
        List<BundleRecord> l = query(c, " WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** One bundle by lab and sequence. */
    public Optional<BundleRecord> find(Connection c, String lab, long sequence) throws SQLException {
        List<BundleRecord> l = query(c, " WHERE lab = ? AND sequence = ?", lab, sequence);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The bundles of a lab (every lab when null), newest first. */
    public List<BundleRecord> list(Connection c, String lab) throws SQLException {
        return lab == null ? query(c, " ORDER BY lab, sequence DESC")
                : query(c, " WHERE lab = ? ORDER BY sequence DESC", lab);
    }

    /** The entries of a bundle as they were written, in bundle order. */
    public List<BundleEntry> entries(Connection c, long bundleId) throws SQLException {
        List<BundleEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, machine, is_alias, activation_id,"
                + " application_id, product, iid, cid FROM bundle_entry WHERE bundle_id = ?")) {
            ps.setLong(1, bundleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BundleEntry(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        out.sort(BundleEntry.ORDER);
        return out;
    }

    /** The lab of a batch, if the batch exists. */
    Optional<String> batchLab(Connection c, long batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lab FROM batch WHERE id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The request ids of a batch. */
    Set<Long> batchRequestIds(Connection c, long batchId) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id FROM batch_request WHERE batch_id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Locks the requests of a bundle for update and returns their state and CID, by request id. */
    Map<Long, Locked> lockRequests(Connection c, long bundleId) throws SQLException {
        Map<Long, Locked> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, cid FROM activation_request WHERE id IN"
                + " (SELECT request_id FROM bundle_entry WHERE bundle_id = ?) FOR UPDATE")) {
            ps.setLong(1, bundleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Locked(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    private List<BundleRecord> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bundle" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<BundleRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long batch = rs.getLong(6);
                    Long batchId = rs.wasNull() ? null : batch;
                    Timestamp finished = rs.getTimestamp(14);
                    out.add(new BundleRecord(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            BundleStatus.valueOf(rs.getString(4)), rs.getString(5), batchId,
                            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                            Base64.getDecoder().decode(rs.getString(10)), rs.getInt(11), rs.getString(12),
                            rs.getString(13), finished == null ? null : finished.toInstant(), rs.getString(15)));
                }
            }
            return out;
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
