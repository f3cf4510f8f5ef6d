package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;

/**
 * Reads and writes machines, activation requests and their history. Every method takes the caller's
 * connection. Every history event is also appended to the audit chain in the same transaction.
 */
public final class RequestRepository {
    private static final String COLUMNS = "r.id, m.lab, m.name, m.is_alias, r.activation_id, r.application_id,"
            + " r.product_name, r.channel, r.partial_key, r.license_status, r.iid, r.state, r.cid, r.cid_reused,"
            + " r.superseded_by, r.import_id, r.created_at, r.updated_at";
    private static final String FROM = " FROM activation_request r JOIN machine m ON m.id = r.machine_id";

    private final AuditChain audit = new AuditChain();

    /** Returns the id of the machine, inserting it first if the lab has no machine of that name. */
    public long machineId(Connection c, Machine machine) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM machine WHERE lab = ? AND name = ?")) {
            ps.setString(1, machine.lab());
            ps.setString(2, machine.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO machine (lab, name, is_alias) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, machine.lab());
            ps.setString(2, machine.name());
            ps.setBoolean(3, machine.alias());
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Inserts a request and its first history event; returns its id. */
    public long insert(Connection c, Machine machine, Product product, InstallationId iid, RequestState state,
            String cid, boolean cidReused, long importId, Instant now, String operator, String detail)
            throws SQLException {
        long machineId = machineId(c, machine);
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_REQUEST, Statement.RETURN_GENERATED_KEYS)) {
            bindRequest(ps, machineId, new NewRequest(machine, product, iid, state, cid, cidReused, detail), importId,
                    now);
            ps.executeUpdate();
            id = generatedId(ps);
        }
        addEvent(c, id, now, operator, null, state, detail);
        return id;
    }

    /** The open request (see {@link RequestState#isOpen()}) for this exact IID, if any. */
    public Optional<ActivationRequest> findOpenByIid(Connection c, String iidDigits) throws SQLException {
        return first(query(c, " WHERE r.iid = ? AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED')"
                + " ORDER BY r.id", iidDigits));
    }

    /** The open requests for this product slot on this machine, oldest first. */
    public List<ActivationRequest> findOpenBySlot(Connection c, Machine machine, String slotKey) throws SQLException {
        return query(c, " WHERE m.lab = ? AND m.name = ? AND r.slot_key = ?"
                + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                machine.lab(), machine.name(), slotKey);
    }

    /**
     * A request to insert with {@link #insertAll}.
     *
     * @param machine the machine
     * @param product the product
     * @param iid the IID (unique among the requests of one call)
     * @param state first state
     * @param cid CID digits when confirmed from the store, else null
     * @param cidReused true when the CID came from the store
     * @param detail first history event
     */
    public record NewRequest(Machine machine, Product product, InstallationId iid, RequestState state, String cid,
            boolean cidReused, String detail) {
    }

    /**
     * Inserts the requests of one import with their machines, first history events and audit entries, in
     * batches; the same rows as {@link #insert} one by one. Returns the ids in the order given.
     */
    public List<Long> insertAll(Connection c, List<NewRequest> news, long importId, Instant now, String operator)
            throws SQLException {
        if (news.isEmpty()) {
            return List.of();
        }
        java.util.Map<Machine, Long> machineIds = machineIds(c, news);
        try (PreparedStatement ps = c.prepareStatement(INSERT_REQUEST)) {
            int pending = 0;
            for (NewRequest n : news) {
                bindRequest(ps, machineIds.get(n.machine()), n, importId, now);
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        java.util.Map<String, Long> idByIid = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, iid FROM activation_request WHERE import_id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idByIid.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        List<Long> ids = new ArrayList<>(news.size());
        List<AuditChain.Entry> entries = new ArrayList<>(news.size());
        try (PreparedStatement ev = c.prepareStatement("INSERT INTO request_event (request_id, at, operator,"
                + " from_state, to_state, detail) VALUES (?,?,?,?,?,?)")) {
            int pending = 0;
            for (NewRequest n : news) {
                long id = idByIid.get(n.iid().digits());
                ids.add(id);
                ev.setLong(1, id);
                ev.setTimestamp(2, Timestamp.from(now));
                ev.setString(3, operator);
                ev.setString(4, null);
                ev.setString(5, n.state().name());
                ev.setString(6, n.detail().length() > 1000 ? n.detail().substring(0, 1000) : n.detail());
                ev.addBatch();
                if (++pending == 500) {
                    ev.executeBatch();
                    pending = 0;
                }
                entries.add(auditEntry(id, now, operator, null, n.state(), n.detail()));
            }
            if (pending > 0) {
                ev.executeBatch();
            }
        }
        audit.appendAll(c, entries);
        return ids;
    }

    private static final String INSERT_REQUEST = "INSERT INTO activation_request (machine_id, slot_key,"
            + " activation_id, application_id, product_name, channel, partial_key, license_status, iid, state, cid,"
            + " cid_reused, import_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static void bindRequest(PreparedStatement ps, long machineId, NewRequest n, long importId, Instant now)
            throws SQLException {
        Product product = n.product();
        ps.setLong(1, machineId);
        ps.setString(2, product.slotKey());
        ps.setString(3, product.activationId());
        ps.setString(4, product.applicationId());
        ps.setString(5, product.name());
        ps.setString(6, product.channel());
        ps.setString(7, product.partialKey());
        if (product.licenseStatus() == null) {
            ps.setNull(8, Types.INTEGER);
        } else {
            ps.setInt(8, product.licenseStatus());
        }
        ps.setString(9, n.iid().digits());
        ps.setString(10, n.state().name());
        ps.setString(11, n.cid());
        ps.setBoolean(12, n.cidReused());
        ps.setLong(13, importId);
        ps.setTimestamp(14, Timestamp.from(now));
        ps.setTimestamp(15, Timestamp.from(now));
    }

    private java.util.Map<Machine, Long> machineIds(Connection c, List<NewRequest> news) throws SQLException {
        java.util.Map<Machine, Long> ids = new java.util.HashMap<>();
        java.util.Map<String, java.util.Map<String, Long>> byLab = new java.util.HashMap<>();
        for (NewRequest n : news) {
            String lab = n.machine().lab();
            if (!byLab.containsKey(lab)) {
                byLab.put(lab, machinesOfLab(c, lab));
            }
        }
        List<Machine> missing = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NewRequest n : news) {
            Machine m = n.machine();
            if (!byLab.get(m.lab()).containsKey(m.name()) && seen.add(m.lab() + '\u0000' + m.name())) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO machine (lab, name, is_alias) VALUES (?, ?, ?)")) {
                for (Machine m : missing) {
                    ps.setString(1, m.lab());
                    ps.setString(2, m.name());
                    ps.setBoolean(3, m.alias());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String lab : byLab.keySet()) {
                byLab.put(lab, machinesOfLab(c, lab));
            }
        }
        for (NewRequest n : news) {
            ids.put(n.machine(), byLab.get(n.machine().lab()).get(n.machine().name()));
        }
        return ids;
    }

    private static java.util.Map<String, Long> machinesOfLab(Connection c, String lab) throws SQLException {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM machine WHERE lab = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * Requests that still hold their IID (open, or resting as KMS clients) whose IID is one of {@code iids},
     * looked up in chunks.
     */
    public List<ActivationRequest> findOpenByIids(Connection c, java.util.Collection<String> iids) throws SQLException {
        List<ActivationRequest> out = new ArrayList<>();
        List<String> all = new ArrayList<>(iids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            out.addAll(query(c, " WHERE r.iid IN (" + marks + ")"
                    + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                    chunk.toArray()));
        }
        return out;
    }

    /** Requests of these labs that still hold a product slot (open, or resting as KMS clients). */
    public List<ActivationRequest> findSlotHoldersInLabs(Connection c, java.util.Collection<String> labs)
            throws SQLException {
        List<ActivationRequest> out = new ArrayList<>();
        for (String lab : labs) {
            out.addAll(query(c, " WHERE m.lab = ?"
                    + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                    lab));
        }
        return out;
    }

    /** One request by id. */
    public Optional<ActivationRequest> find(Connection c, long id) throws SQLException {
        return first(query(c, " WHERE r.id = ?", id));
    }

    /**
     * Requests matching the filter, newest first.
     *
     * @param lab lab code, or null for all
     * @param state state, or null for all
     * @param search text found in the host name, or digits found in the IID; null for all
     * @param limit most rows returned
     */
    public List<ActivationRequest> list(Connection c, String lab, RequestState state, String search, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (lab != null && !lab.isBlank()) {
            where.append(" AND m.lab = ?");
            args.add(lab);
        }
        if (state != null) {
            where.append(" AND r.state = ?");
            args.add(state.name());
        }
        if (search != null && !search.isBlank()) {
            String digits = search.replaceAll("[\\s-]", "");
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                where.append(" AND (r.iid LIKE ? OR LOWER(m.name) LIKE ?)");
                args.add("%" + digits + "%");
            } else {
                where.append(" AND LOWER(m.name) LIKE ?");
            }
            args.add("%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        where.append(" ORDER BY r.id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(c, where.toString(), args.toArray());
    }

    /** Moves a request to {@code to} and records the event. */
    public void changeState(Connection c, long id, RequestState from, RequestState to, Instant now, String operator,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE activation_request SET state = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, to.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        addEvent(c, id, now, operator, from, to, detail);
    }

    /**
     * Moves every request of {@code ids} from {@code from} to {@code to} with the same history detail: the same
     * rows and audit entries as {@link #changeState} one by one, written in batches (a bundle moves thousands).
     */
    public void changeStates(Connection c, List<Long> ids, RequestState from, RequestState to, Instant now,
            String operator, String detail) throws SQLException {
        String clipped = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        List<AuditChain.Entry> entries = new ArrayList<>(ids.size());
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE activation_request SET state = ?, updated_at = ? WHERE id = ?");
                PreparedStatement ev = c.prepareStatement("INSERT INTO request_event (request_id, at, operator,"
                        + " from_state, to_state, detail) VALUES (?,?,?,?,?,?)")) {
            int pending = 0;
            for (long id : ids) {
                up.setString(1, to.name());
                up.setTimestamp(2, Timestamp.from(now));
                up.setLong(3, id);
                up.addBatch();
                ev.setLong(1, id);
                ev.setTimestamp(2, Timestamp.from(now));
                ev.setString(3, operator);
                ev.setString(4, from == null ? null : from.name());
                ev.setString(5, to.name());
                ev.setString(6, clipped);
                ev.addBatch();
                if (++pending == 500) {
                    up.executeBatch();
                    ev.executeBatch();
                    pending = 0;
                }
                entries.add(auditEntry(id, now, operator, from, to, detail));
            }
            if (pending > 0) {
                up.executeBatch();
                ev.executeBatch();
            }
        }
        audit.appendAll(c, entries);
    }

    /**
     * Locks and returns the request for update within the caller's transaction (so two operators keying the
     * same machine are serialized).
     */
    public Optional<ActivationRequest> lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM activation_request WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return find(c, id);
    }

    /** Sets the CID of a request, moves it to {@code to} and records the event. */
    public void confirm(Connection c, long id, RequestState from, RequestState to, String cid, boolean reused,
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
        addEvent(c, id, now, operator, from, to, detail);
    }

    /** Marks {@code id} superseded by {@code newer} and records the event. */
    public void supersede(Connection c, long id, RequestState from, long newer, Instant now, String operator)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE activation_request SET state = 'SUPERSEDED', superseded_by = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, newer);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        addEvent(c, id, now, operator, from, RequestState.SUPERSEDED, "superseded by request " + newer
                + " (new IID for the same machine and product)");
    }

    /** Appends a history event. */
    public void addEvent(Connection c, long requestId, Instant at, String operator, RequestState from,
            RequestState to, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_event (request_id, at, operator,"
                + " from_state, to_state, detail) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, requestId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, operator);
            ps.setString(4, from == null ? null : from.name());
            ps.setString(5, to.name());
            ps.setString(6, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            ps.executeUpdate();
        }
        AuditChain.Entry e = auditEntry(requestId, at, operator, from, to, detail);
        audit.append(c, e.at(), e.operator(), e.action(), e.subject(), e.detail());
    }

    private static AuditChain.Entry auditEntry(long requestId, Instant at, String operator, RequestState from,
            RequestState to, String detail) {
        return new AuditChain.Entry(at, operator, "request." + to.name().toLowerCase(java.util.Locale.ROOT),
                "request " + requestId, (from == null ? "new" : from.label()) + " -> " + to.label() + ": " + detail);
    }

    /** The history of one request, oldest first. */
    public List<RequestEvent> history(Connection c, long requestId) throws SQLException {
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

    /** Request counts by lab and state, for the overview. */
    public List<StateCount> countByLabAndState(Connection c) throws SQLException {
        List<StateCount> counts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.lab, r.state, COUNT(*)" + FROM
                + " GROUP BY m.lab, r.state ORDER BY m.lab, r.state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.add(new StateCount(rs.getString(1), RequestState.valueOf(rs.getString(2)), rs.getLong(3)));
            }
        }
        return counts;
    }

    private List<ActivationRequest> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ActivationRequest> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private static ActivationRequest map(ResultSet rs) throws SQLException {
        Machine machine = new Machine(rs.getString(2), rs.getString(3), rs.getBoolean(4));
        Integer status = rs.getObject(10) == null ? null : rs.getInt(10);
        Product product = new Product(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), status);
        long sup = rs.getLong(15);
        Long supersededBy = rs.wasNull() ? null : sup;
        return new ActivationRequest(rs.getLong(1), machine, product, InstallationId.parse(rs.getString(11)),
                RequestState.valueOf(rs.getString(12)), rs.getString(13), rs.getBoolean(14), supersededBy,
                rs.getLong(16), rs.getTimestamp(17).toInstant(), rs.getTimestamp(18).toInstant());
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static long generatedId(Statement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
