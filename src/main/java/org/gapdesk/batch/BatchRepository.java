package org.gapdesk.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gapdesk.store.GeneratedKeys;

/** Reads and writes batches and their members. Every method takes the caller's connection. */
public final class BatchRepository {
    private static final String COLUMNS = "id, lab, channel, state, entry_count, created_by, created_at, closed_by,"
            + " closed_at";
    private static final int CHUNK = 500;

    /** Inserts an open batch; returns its id. */
    public long insert(Connection c, String lab, ActivationChannel channel, int entryCount, String operator,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch (lab, channel, state, entry_count,"
                + " created_by, created_at) VALUES (?, ?, 'OPEN', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, lab);
            ps.setString(2, channel.name());
            ps.setInt(3, entryCount);
            ps.setString(4, operator);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    /**
     * Adds the requests to the batch in this order, and marks each as on an open batch.
     *
     * @throws SQLException with SQL state {@code 23505} when a request is already on an open batch
     */
    public void addMembers(Connection c, long batchId, List<Long> requestIds) throws SQLException {
        try (PreparedStatement member = c.prepareStatement(
                "INSERT INTO batch_request (batch_id, request_id, position) VALUES (?, ?, ?)");
                PreparedStatement open = c.prepareStatement(
                        "INSERT INTO batch_open_member (request_id, batch_id) VALUES (?, ?)")) {
            for (int i = 0; i < requestIds.size(); i++) {
                member.setLong(1, batchId);
                member.setLong(2, requestIds.get(i));
                member.setInt(3, i + 1);
                member.addBatch();
                open.setLong(1, requestIds.get(i));
                open.setLong(2, batchId);
                open.addBatch();
            }
            member.executeBatch();
            open.executeBatch();
        }
    }

    /**
     * Locks the requests' rows until the transaction ends (in ascending id order, so two batch creations
     * cannot deadlock) and returns their current states by id.
     */
    public Map<Long, String> lockRequests(Connection c, List<Long> requestIds) throws SQLException {
        List<Long> sorted = new ArrayList<>(requestIds);
        Collections.sort(sorted);
        Map<Long, String> states = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM activation_request WHERE id IN ("
                    + marks + ") ORDER BY id FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        states.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return states;
    }

    /** Ids of the lab's requests that are on an open batch. */
    public Set<Long> onOpenBatch(Connection c, String lab) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.request_id FROM batch_open_member o"
                + " JOIN batch b ON b.id = o.batch_id WHERE b.lab = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The open batch a request is on, if any. */
    public Optional<Long> openBatchOf(Connection c, long requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT batch_id FROM batch_open_member WHERE request_id = ?")) {
            ps.setLong(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The request ids of a batch in worksheet order. */
    public List<Long> memberIds(Connection c, long batchId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request_id FROM batch_request WHERE batch_id = ? ORDER BY position")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** One batch. */
    public Optional<Batch> find(Connection c, long id) throws SQLException {
        List<Batch> found = query(c, " WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Batches, newest first.
     *
     * @param lab lab code or null for all
     * @param state state or null for all
     * @param limit most rows
     */
    public List<Batch> list(Connection c, String lab, BatchState state, int limit) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (lab != null && !lab.isBlank()) {
            where.append(" AND lab = ?");
            args.add(lab.strip());
        }
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state.name());
        }
        where.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(c, where.toString(), args.toArray());
    }

    /**
     * Closes an open batch and frees its requests for other batches.
     *
     * @return false if the batch was not open
     */
    public boolean close(Connection c, long id, String operator, Instant now) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET state = 'CLOSED', closed_by = ?,"
                + " closed_at = ? WHERE id = ? AND state = 'OPEN'")) {
            ps.setString(1, operator);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch_open_member WHERE batch_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        return true;
    }

    private static List<Batch> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM batch" + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Batch> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp closed = rs.getTimestamp(9);
                    out.add(new Batch(rs.getLong(1), rs.getString(2), ActivationChannel.valueOf(rs.getString(3)),
                            BatchState.valueOf(rs.getString(4)), rs.getInt(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getString(8),
                            closed == null ? null : closed.toInstant()));
                }
            }
            return out;
        }
    }
}
