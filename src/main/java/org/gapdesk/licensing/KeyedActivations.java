package org.gapdesk.licensing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gapdesk.activation.Product;

/**
 * Reads the activations that cost a call, the one definition the MAK count-down and the reports share.
 *
 * <p>An IID counts once when at least one request with that IID has a CID that was keyed in
 * ({@code cid IS NOT NULL AND cid_reused = FALSE}) and the CID store has (or had) a CID for it. Its time is the
 * earliest {@code recorded_at} of that IID in {@code confirmation} and {@code confirmation_history}: a CID
 * replaced after a mistype keeps the time of the first one, so a re-entry neither counts twice nor moves the
 * activation. Requests confirmed from the store ({@code cid_reused = TRUE}) never count.
 */
public final class KeyedActivations {
    private static final String ALL = "SELECT iid, recorded_at FROM confirmation"
            + " UNION ALL SELECT iid, recorded_at FROM confirmation_history";
    private static final String ONE_KEY = "SELECT iid, recorded_at FROM confirmation WHERE iid IN (%1$s)"
            + " UNION ALL SELECT iid, recorded_at FROM confirmation_history WHERE iid IN (%1$s)";
    private static final String IIDS_OF_KEY = "SELECT iid FROM activation_request WHERE UPPER(partial_key) = ?";
    private static final String SQL = "SELECT f.iid, f.first_at, r.id, m.lab, m.name, r.activation_id,"
            + " r.application_id, r.product_name, r.channel, r.partial_key, r.license_status"
            + " FROM (SELECT u.iid, MIN(u.recorded_at) AS first_at FROM (%s) u GROUP BY u.iid) f"
            + " JOIN activation_request r ON r.iid = f.iid"
            + " JOIN machine m ON m.id = r.machine_id"
            + " WHERE r.cid IS NOT NULL AND r.cid_reused = FALSE%s"
            + " ORDER BY f.iid, r.id";

    private KeyedActivations() {
    }

    /** Every activation in the record, oldest first (ties by request id). */
    public static List<KeyedActivation> load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(SQL, ALL, ""))) {
            return read(ps);
        }
    }

    /** The activations of one partial key (any case), oldest first: what counts against that MAK. */
    public static List<KeyedActivation> load(Connection c, String partialKey) throws SQLException {
        String key = MakPoolSnapshot.normalKey(partialKey);
        if (key == null) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(String.format(SQL, String.format(ONE_KEY, IIDS_OF_KEY),
                " AND UPPER(r.partial_key) = ?"))) {
            ps.setString(1, key);
            ps.setString(2, key);
            ps.setString(3, key);
            return read(ps);
        }
    }

    private static List<KeyedActivation> read(PreparedStatement ps) throws SQLException {
        List<KeyedActivation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String iid = rs.getString(1);
                if (!seen.add(iid)) {
                    continue;
                }
                Integer status = rs.getObject(11) == null ? null : rs.getInt(11);
                Product product = new Product(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), status);
                out.add(new KeyedActivation(iid, rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getString(4),
                        rs.getString(5), product));
            }
        }
        out.sort(Comparator.comparing(KeyedActivation::at).thenComparingLong(KeyedActivation::requestId));
        return out;
    }
}
