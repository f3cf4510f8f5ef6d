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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/** Inserts new requests with their machines, first history events and audit entries, singly or in batches. */
final class NewRequestWriter {
    private static final String INSERT_REQUEST = "INSERT INTO activation_request (machine_id, slot_key,"
            + " activation_id, application_id, product_name, channel, partial_key, license_status, iid, state, cid,"
            + " cid_reused, import_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int BATCH = 500;

    private final MachineIds machines;
    private final RequestHistory history;

    NewRequestWriter(MachineIds machines, RequestHistory history) {
        this.machines = machines;
        this.history = history;
    }

    long insert(Connection c, NewRequest n, long importId, Instant now, String operator) throws SQLException {
        long machineId = machines.idOf(c, n.machine());
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_REQUEST, Statement.RETURN_GENERATED_KEYS)) {
            bindRequest(ps, machineId, n, importId, now);
            ps.executeUpdate();
            id = GeneratedKeys.of(ps);
        }
        history.addEvent(c, id, now, operator, null, n.state(), n.detail());
        return id;
    }

    List<Long> insertAll(Connection c, List<NewRequest> news, long importId, Instant now, String operator)
            throws SQLException {
        if (news.isEmpty()) {
            return List.of();
        }
        Map<Machine, Long> machineIds = machines.idsOf(c, news.stream().map(NewRequest::machine).toList());
        try (PreparedStatement ps = c.prepareStatement(INSERT_REQUEST)) {
            int pending = 0;
            for (NewRequest n : news) {
                bindRequest(ps, machineIds.get(n.machine()), n, importId, now);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        Map<String, Long> idByIid = idsByIid(c, importId);
        List<Long> ids = new ArrayList<>(news.size());
        List<AuditChain.Entry> entries = new ArrayList<>(news.size());
        try (PreparedStatement ev = c.prepareStatement(RequestHistory.INSERT_EVENT)) {
            int pending = 0;
            for (NewRequest n : news) {
                long id = idByIid.get(n.iid().digits());
                ids.add(id);
                RequestHistory.bindEvent(ev, id, now, operator, null, n.state(), n.detail());
                ev.addBatch();
                if (++pending == BATCH) {
                    ev.executeBatch();
                    pending = 0;
                }
                entries.add(RequestHistory.auditEntry(id, now, operator, null, n.state(), n.detail()));
            }
            if (pending > 0) {
                ev.executeBatch();
            }
        }
        history.appendAudit(c, entries);
        return ids;
    }

    private static Map<String, Long> idsByIid(Connection c, long importId) throws SQLException {
        Map<String, Long> idByIid = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, iid FROM activation_request WHERE import_id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idByIid.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return idByIid;
    }

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
}
