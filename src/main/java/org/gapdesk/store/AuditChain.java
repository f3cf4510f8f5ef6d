package org.gapdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends to the hash-chained audit log inside the caller's transaction, so an audit row exists exactly when
 * the change it describes was committed. Appends are serialized by a row lock on {@code audit_head}.
 *
 * <p>Row hash: SHA-256 over the previous hash and the row's fields, each field written as its UTF-8 byte
 * length, a colon and the bytes, so no two different rows encode alike. See {@link #hash}.
 */
public final class AuditChain {
    /** The hash before the first row: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    /**
     * One row to append.
     *
     * @param at when
     * @param operator who
     * @param action what kind of change
     * @param subject what it was done to
     * @param detail what happened
     */
    public record Entry(Instant at, String operator, String action, String subject, String detail) {
    }

    /** Appends one row; returns its sequence number. */
    public long append(Connection c, Instant at, String operator, String action, String subject, String detail)
            throws SQLException {
        return appendAll(c, List.of(new Entry(at, operator, action, subject, detail)));
    }

    /**
     * Appends the rows in order, exactly as {@link #append} would one by one, with one lock of the head and
     * batched inserts; returns the sequence number of the last row (of the head when {@code entries} is empty).
     */
    public long appendAll(Connection c, List<Entry> entries) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing");
            }
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        if (entries.isEmpty()) {
            return seq;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, operator, action, subject,"
                + " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (Entry e : entries) {
                seq++;
                Instant when = e.at().truncatedTo(ChronoUnit.MILLIS);
                String op = clip(e.operator(), 100);
                String act = clip(e.action(), 64);
                String subj = clip(e.subject(), 255);
                String det = clip(e.detail(), 2000);
                String hash = hash(prev, seq, when, op, act, subj, det);
                ps.setLong(1, seq);
                ps.setTimestamp(2, Timestamp.from(when));
                ps.setString(3, op);
                ps.setString(4, act);
                ps.setString(5, subj);
                ps.setString(6, det);
                ps.setString(7, prev);
                ps.setString(8, hash);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
                prev = hash;
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
        return seq;
    }

    /** The hash of one row given the previous row's hash. */
    public static String hash(String prevHash, long seq, Instant at, String operator, String action, String subject,
            String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {prevHash, Long.toString(seq), at.truncatedTo(ChronoUnit.MILLIS).toString(),
                    operator, action, subject, detail}) {
                byte[] b = field.getBytes(StandardCharsets.UTF_8);
                md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
