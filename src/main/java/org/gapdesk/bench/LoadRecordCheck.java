package org.gapdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.audit.AuditVerification;

/**
 * Reads the record of one load run's lab back and lists every lost, doubled or inconsistent write: one import
 * row per file, one request per machine, every acknowledged CID stored once on its request and in the CID store,
 * one confirmation event per request, no request in two bundles, bundle numbers 1 to n without gaps, and the
 * audit chain intact.
 */
final class LoadRecordCheck {
    private final Kiosk kiosk;
    private final LoadSettings settings;

    LoadRecordCheck(Kiosk kiosk, LoadSettings settings) {
        this.kiosk = kiosk;
        this.settings = settings;
    }

    /**
     * @param acknowledged request id to the CID acknowledged as stored for it
     * @return every problem found, in the order above (empty: none)
     */
    List<String> problems(Map<Long, String> acknowledged) {
        List<String> problems = new ArrayList<>();
        kiosk.database().read(c -> {
            checkImportsAndRequests(c, problems);
            checkCids(storedCids(c), acknowledged, problems);
            checkConfirmationEvents(c, acknowledged, problems);
            checkBundles(c, problems);
            return null;
        });
        AuditVerification audit = kiosk.audit().verify();
        if (!audit.intact()) {
            problems.add("audit chain: " + audit.describe());
        }
        return problems;
    }

    private void checkImportsAndRequests(Connection c, List<String> problems) throws SQLException {
        String lab = settings.lab();
        long files = count(c, "SELECT COUNT(*) FROM import_file WHERE file_name LIKE ?", "load-%-" + lab + ".json");
        if (files != settings.files()) {
            problems.add(files + " import rows for " + settings.files() + " files");
        }
        long requests = count(c, "SELECT COUNT(*) FROM activation_request r JOIN machine m ON m.id = r.machine_id"
                + " WHERE m.lab = ?", lab);
        if (requests != settings.requests()) {
            problems.add(requests + " requests for " + settings.requests() + " machines");
        }
    }

    /** Request id to {request's CID, request's state, CID in the store for its IID}, for every request of the lab. */
    private Map<Long, String[]> storedCids(Connection c) throws SQLException {
        Map<Long, String[]> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.cid, r.state, s.cid FROM activation_request r"
                + " JOIN machine m ON m.id = r.machine_id LEFT JOIN confirmation s ON s.iid = r.iid"
                + " WHERE m.lab = ?")) {
            ps.setString(1, settings.lab());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return stored;
    }

    private static void checkCids(Map<Long, String[]> stored, Map<Long, String> acknowledged, List<String> problems) {
        for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
            String[] row = stored.get(e.getKey());
            if (row == null) {
                problems.add("request " + e.getKey() + " is missing");
            } else if (!e.getValue().equals(row[0]) || !e.getValue().equals(row[2])) {
                problems.add("request " + e.getKey() + ": acknowledged CID not on record (request " + row[0]
                        + ", store " + row[2] + ")");
            }
        }
        long withCid = stored.values().stream().filter(r -> r[0] != null).count();
        if (withCid != acknowledged.size()) {
            problems.add(withCid + " requests hold a CID, " + acknowledged.size() + " were acknowledged");
        }
    }

    private void checkConfirmationEvents(Connection c, Map<Long, String> acknowledged, List<String> problems)
            throws SQLException {
        Map<Long, Long> confirmEvents = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.request_id, COUNT(*) FROM request_event e"
                + " JOIN activation_request r ON r.id = e.request_id JOIN machine m ON m.id = r.machine_id"
                + " WHERE m.lab = ? AND e.to_state = 'CONFIRMED' GROUP BY e.request_id")) {
            ps.setString(1, settings.lab());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    confirmEvents.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        for (Long id : acknowledged.keySet()) {
            long n = confirmEvents.getOrDefault(id, 0L);
            if (n != 1) {
                problems.add("request " + id + " has " + n + " confirmation events");
            }
        }
    }

    private void checkBundles(Connection c, List<String> problems) throws SQLException {
        String lab = settings.lab();
        long doubleExported = count(c, "SELECT COUNT(*) FROM (SELECT e.request_id FROM bundle_entry e"
                + " JOIN bundle b ON b.id = e.bundle_id WHERE b.lab = ? AND b.status = 'WRITTEN'"
                + " GROUP BY e.request_id HAVING COUNT(*) > 1) d", lab);
        if (doubleExported != 0) {
            problems.add(doubleExported + " requests are in more than one bundle");
        }
        long bundleCount = count(c, "SELECT COUNT(*) FROM bundle WHERE lab = ?", lab);
        long maxSeq = count(c, "SELECT COALESCE(MAX(sequence), 0) FROM bundle WHERE lab = ?", lab);
        if (bundleCount != maxSeq) {
            problems.add(bundleCount + " bundles numbered up to " + maxSeq);
        }
    }

    private static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
