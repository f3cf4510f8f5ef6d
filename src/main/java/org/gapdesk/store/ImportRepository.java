package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

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
}
