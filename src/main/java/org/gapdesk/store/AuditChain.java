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

    /** Appends one row; returns its sequence number. */
    public long append(Connection c, Instant at, String operator, String action, String subject, String detail)
            throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        String op = clip(operator, 100);
        String act = clip(action, 64);
        String subj = clip(subject, 255);
        String det = clip(detail, 2000);
        String hash = hash(prev, seq, when, op, act, subj, det);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at, operator, action, subject,"
                + " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setTimestamp(2, Timestamp.from(when));
            ps.setString(3, op);
            ps.setString(4, act);
            ps.setString(5, subj);
            ps.setString(6, det);
            ps.setString(7, prev);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
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
