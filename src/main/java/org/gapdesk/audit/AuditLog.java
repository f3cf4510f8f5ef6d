package org.gapdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.store.AuditChain;
import org.gapdesk.store.Database;

/**
 * The audit trail: append changes that are not request state changes (those are appended by the request
 * history itself), read it, and verify that no row was edited, deleted or reordered.
 */
public final class AuditLog {
    private final Database db;
    private final Clock clock;
    private final AuditChain chain = new AuditChain();

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends one entry in its own transaction. */
    public long append(String operator, String action, String subject, String detail) {
        return db.inTransaction(c -> chain.append(c, clock.instant(), operator, action, subject, detail));
    }

    /** Appends one entry in the caller's transaction. */
    public long append(Connection c, String operator, String action, String subject, String detail)
            throws SQLException {
        return chain.append(c, clock.instant(), operator, action, subject, detail);
    }

    /** Entries whose subject is exactly {@code subject} (e.g. {@code request 12}), oldest first. */
    public List<AuditEntry> forSubject(String subject) {
        return db.read(c -> query(c, "WHERE subject = ? ORDER BY seq", subject));
    }

    /** The newest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return db.read(c -> query(c, "ORDER BY seq DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY"));
    }

    /** All entries, oldest first. */
    public List<AuditEntry> all() {
        return db.read(c -> query(c, "ORDER BY seq"));
    }

    /**
     * Walks the chain from the first row and names the first broken link: a row whose contents no longer match
     * its hash (edited), a gap in the sequence (deleted), a row whose previous hash is not the hash of the row
     * before it (reordered or inserted), or a head that does not match the last row (rows deleted at the end).
     */
    public AuditVerification verify() {
        return db.read(c -> {
            String prev = AuditChain.GENESIS;
            long expectedSeq = 1;
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, operator, action, subject, detail,"
                    + " prev_hash, hash FROM audit_log ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = map(rs);
                    rows++;
                    if (e.seq() != expectedSeq) {
                        return new AuditVerification(false, rows, expectedSeq, e.seq() > expectedSeq
                                ? "rows " + expectedSeq + (e.seq() - 1 > expectedSeq ? " to " + (e.seq() - 1) : "")
                                        + " are missing (deleted)"
                                : "sequence number " + e.seq() + " is out of order");
                    }
                    if (!e.prevHash().equals(prev)) {
                        return new AuditVerification(false, rows, e.seq(),
                                "does not follow the row before it (reordered, inserted or the row before was replaced)");
                    }
                    String h = AuditChain.hash(e.prevHash(), e.seq(), e.at(), e.operator(), e.action(), e.subject(),
                            e.detail());
                    if (!h.equals(e.hash())) {
                        return new AuditVerification(false, rows, e.seq(), "contents do not match its hash (edited)");
                    }
                    prev = e.hash();
                    expectedSeq++;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new AuditVerification(false, rows, expectedSeq, "the chain head is missing");
                }
                long headSeq = rs.getLong(1);
                if (headSeq != expectedSeq - 1 || !rs.getString(2).equals(prev)) {
                    return new AuditVerification(false, rows, Math.min(headSeq, expectedSeq),
                            headSeq > expectedSeq - 1 ? "rows " + expectedSeq + " to " + headSeq
                                    + " are missing at the end (deleted)" : "the chain head does not match the last row");
                }
            }
            return new AuditVerification(true, rows, 0, "");
        });
    }

    private List<AuditEntry> query(Connection c, String tail, Object... args) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, operator, action, subject, detail, prev_hash,"
                + " hash FROM audit_log " + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
