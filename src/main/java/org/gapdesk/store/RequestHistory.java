package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gapdesk.activation.RequestState;

/** Writes and reads the history events of requests; every event written also goes to the audit chain. */
final class RequestHistory {
    /** The insert of one event; bind it with {@link #bindEvent}. */
    static final String INSERT_EVENT = "INSERT INTO request_event (request_id, at, operator,"
            + " from_state, to_state, detail) VALUES (?,?,?,?,?,?)";

    private final AuditChain audit = new AuditChain();

    /** Appends one event and its audit entry. */
    void addEvent(Connection c, long requestId, Instant at, String operator, RequestState from, RequestState to,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            bindEvent(ps, requestId, at, operator, from, to, detail);
            ps.executeUpdate();
        }
        AuditChain.Entry e = auditEntry(requestId, at, operator, from, to, detail);
        audit.append(c, e.at(), e.operator(), e.action(), e.subject(), e.detail());
    }

    /**
     * Binds one event to a statement prepared from {@link #INSERT_EVENT}; the detail is cut to 1000
     * characters. Whoever batches events appends their {@link #auditEntry}s with {@link #appendAudit}.
     */
    static void bindEvent(PreparedStatement ev, long requestId, Instant at, String operator, RequestState from,
            RequestState to, String detail) throws SQLException {
        ev.setLong(1, requestId);
        ev.setTimestamp(2, Timestamp.from(at));
        ev.setString(3, operator);
        ev.setString(4, from == null ? null : from.name());
        ev.setString(5, to.name());
        ev.setString(6, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    /** The audit entry of one event: action {@code request.<state>}, subject {@code request <id>}. */
    static AuditChain.Entry auditEntry(long requestId, Instant at, String operator, RequestState from,
            RequestState to, String detail) {
        return new AuditChain.Entry(at, operator, "request." + to.name().toLowerCase(Locale.ROOT),
                "request " + requestId, (from == null ? "new" : from.label()) + " -> " + to.label() + ": " + detail);
    }

    /** Appends the audit entries of batched events, in order. */
    void appendAudit(Connection c, List<AuditChain.Entry> entries) throws SQLException {
        audit.appendAll(c, entries);
    }

    /** The history of one request, oldest first. */
    List<RequestEvent> history(Connection c, long requestId) throws SQLException {
        List<RequestEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT at, operator, from_state, to_state, detail"
                + " FROM request_event WHERE request_id = ? ORDER BY id")) {
            ps.setLong(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(3);
                    events.add(new RequestEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                            from == null ? null : RequestState.valueOf(from), RequestState.valueOf(rs.getString(4)),
                            rs.getString(5)));
                }
            }
        }
        return events;
    }
}
