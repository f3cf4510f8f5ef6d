package org.gapdesk.fuzz;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gapdesk.store.Database;

/** The number of rows in every table of the record, to prove that a rejected input stored nothing. */
public final class RowCounts {
    private RowCounts() {
    }

    /** Rows per table (lower-case names), every table of the current schema except those in {@code except}. */
    public static Map<String, Long> of(Database db, String... except) {
        List<String> skip = List.of(except);
        return db.read(c -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!skip.contains(t) && !t.startsWith("flyway")) {
                        tables.add(t);
                    }
                }
            }
            Map<String, Long> out = new TreeMap<>();
            try (Statement s = c.createStatement()) {
                for (String t : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                        rs.next();
                        out.put(t, rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }
}
