package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;

/** Reads requests with their machines: by id, IID, product slot, lab or filter, and counts them. */
final class RequestQueries {
    private static final String COLUMNS = "r.id, m.lab, m.name, m.is_alias, r.activation_id, r.application_id,"
            + " r.product_name, r.channel, r.partial_key, r.license_status, r.iid, r.state, r.cid, r.cid_reused,"
            + " r.superseded_by, r.import_id, r.created_at, r.updated_at";
    private static final String FROM = " FROM activation_request r JOIN machine m ON m.id = r.machine_id";
    private static final int IIDS_PER_QUERY = 500;

    Optional<ActivationRequest> findOpenByIid(Connection c, String iidDigits) throws SQLException {
        return first(query(c, " WHERE r.iid = ? AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED')"
                + " ORDER BY r.id", iidDigits));
    }

    List<ActivationRequest> findOpenBySlot(Connection c, Machine machine, String slotKey) throws SQLException {
        return query(c, " WHERE m.lab = ? AND m.name = ? AND r.slot_key = ?"
                + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                machine.lab(), machine.name(), slotKey);
    }

    List<ActivationRequest> findOpenByIids(Connection c, Collection<String> iids) throws SQLException {
        List<ActivationRequest> out = new ArrayList<>();
        List<String> all = new ArrayList<>(iids);
        for (int from = 0; from < all.size(); from += IIDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IIDS_PER_QUERY));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            out.addAll(query(c, " WHERE r.iid IN (" + marks + ")"
                    + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                    chunk.toArray()));
        }
        return out;
    }

    List<ActivationRequest> findSlotHoldersInLabs(Connection c, Collection<String> labs) throws SQLException {
        List<ActivationRequest> out = new ArrayList<>();
        for (String lab : labs) {
            out.addAll(query(c, " WHERE m.lab = ?"
                    + " AND r.state IN ('RECEIVED','ON_WORKSHEET','CONFIRMED','EXPORTED','KMS_CLIENT') ORDER BY r.id",
                    lab));
        }
        return out;
    }

    Optional<ActivationRequest> find(Connection c, long id) throws SQLException {
        return first(query(c, " WHERE r.id = ?", id));
    }

    List<ActivationRequest> list(Connection c, String lab, RequestState state, String search, int limit)
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
            args.add("%" + search.strip().toLowerCase(Locale.ROOT) + "%");
        }
        where.append(" ORDER BY r.id DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
        return query(c, where.toString(), args.toArray());
    }

    List<StateCount> countByLabAndState(Connection c) throws SQLException {
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
}
