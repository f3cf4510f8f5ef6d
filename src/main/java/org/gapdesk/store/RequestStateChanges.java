package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;

/** Locks requests and moves them between states, recording every move in their history. */
final class RequestStateChanges {
    private static final String SET_STATE = "UPDATE activation_request SET state = ?, updated_at = ? WHERE id = ?";
    private static final int BATCH = 500;

    private final RequestHistory history;
    private final RequestQueries queries;

    RequestStateChanges(RequestHistory history, RequestQueries queries) {
        this.history = history;
        this.queries = queries;
    }

    Optional<ActivationRequest> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM activation_request WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return queries.find(c, id);
    }

    void changeState(Connection c, long id, RequestState from, RequestState to, Instant now, String operator,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SET_STATE)) {
            bindState(ps, id, to, now);
            ps.executeUpdate();
        }
        history.addEvent(c, id, now, operator, from, to, detail);
    }

    void changeStates(Connection c, List<Long> ids, RequestState from, RequestState to, Instant now,
            String operator, String detail) throws SQLException {
        List<AuditChain.Entry> entries = new ArrayList<>(ids.size());
        try (PreparedStatement up = c.prepareStatement(SET_STATE);
                PreparedStatement ev = c.prepareStatement(RequestHistory.INSERT_EVENT)) {
            int pending = 0;
            for (long id : ids) {
                bindState(up, id, to, now);
                up.addBatch();
                RequestHistory.bindEvent(ev, id, now, operator, from, to, detail);
                ev.addBatch();
                if (++pending == BATCH) {
                    up.executeBatch();
                    ev.executeBatch();
                    pending = 0;
                }
                entries.add(RequestHistory.auditEntry(id, now, operator, from, to, detail));
            }
            if (pending > 0) {
                up.executeBatch();
                ev.executeBatch();
            }
        }
        history.appendAudit(c, entries);
    }

    void confirm(Connection c, long id, RequestState from, RequestState to, String cid, boolean reused,
            Instant now, String operator, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE activation_request SET cid = ?, cid_reused = ?,"
                + " state = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, cid);
            ps.setBoolean(2, reused);
            ps.setString(3, to.name());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
        history.addEvent(c, id, now, operator, from, to, detail);
    }

    void supersede(Connection c, long id, RequestState from, long newer, Instant now, String operator)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE activation_request SET state = 'SUPERSEDED', superseded_by = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, newer);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        history.addEvent(c, id, now, operator, from, RequestState.SUPERSEDED, "superseded by request " + newer
                + " (new IID for the same machine and product)");
    }

    private static void bindState(PreparedStatement ps, long id, RequestState to, Instant now) throws SQLException {
        ps.setString(1, to.name());
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setLong(3, id);
    }
}
