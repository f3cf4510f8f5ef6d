package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records each imported file: name, digest, format, who and when, and what came of it. */
public final class ImportRepository {

    /** Inserts an import record; returns its id. */
    public long insert(Connection c, String fileName, String sha256, String format, long size, String operator,
            Instant at, String summary) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_file (file_name, sha256, format,"
                + " size_bytes, operator, imported_at, summary) VALUES (?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
            ps.setString(2, sha256);
            ps.setString(3, format);
            ps.setLong(4, size);
            ps.setString(5, operator);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, summary.length() > 4000 ? summary.substring(0, 4000) : summary);
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    /** Which of {@code sha256s} (lower-case hex) belong to a file imported before. */
    public Set<String> knownDigests(Connection c, Collection<String> sha256s) throws SQLException {
        Set<String> known = new HashSet<>();
        List<String> wanted = List.copyOf(new HashSet<>(sha256s));
        if (wanted.isEmpty()) {
            return known;
        }
        String marks = String.join(",", Collections.nCopies(wanted.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sha256 FROM import_file WHERE sha256 IN ("
                + marks + ")")) {
            for (int i = 0; i < wanted.size(); i++) {
                ps.setString(i + 1, wanted.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }
}
