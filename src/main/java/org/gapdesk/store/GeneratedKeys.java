package org.gapdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the key the database generated for a single-row insert. */
public final class GeneratedKeys {
    private GeneratedKeys() {
    }

    /** The generated key of the row {@code ps} inserted; fails when there is none. */
    public static long of(Statement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
