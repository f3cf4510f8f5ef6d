package org.gapdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new record copied from the empty record the build made is the record Flyway makes, and Flyway agrees. */
class EmptyRecordTest {
    @TempDir
    Path dir;

    @Test
    void theBuildShipsAnEmptyRecordAndANewKioskStartsFromIt() {
        assertTrue(EmptyRecord.class.getClassLoader().getResource(EmptyRecord.RESOURCE) != null,
                "the build made " + EmptyRecord.RESOURCE);
        Path home = dir.resolve("new");
        assertTrue(EmptyRecord.copyInto(home));
        assertTrue(Files.isRegularFile(home.resolve(EmptyRecord.FILE)));
        assertFalse(Files.exists(home.resolve(EmptyRecord.FILE + ".copying")), "no half-copied file is left");
        assertFalse(EmptyRecord.copyInto(home), "an existing record is never replaced");
    }

    @Test
    void aCopyHasTheSchemaFlywayMakesAndFlywayValidatesIt() throws SQLException {
        List<String> fromCopy;
        try (Database copy = Database.openH2(dir.resolve("copy"))) {
            fromCopy = schema(copy);
            Flyway.configure().dataSource(copy.dataSource()).locations("classpath:db/migration", "classpath:db/h2")
                    .load().validate();
            assertEquals(0, count(copy, "SELECT COUNT(*) FROM activation_request"));
            assertEquals(1, count(copy, "SELECT COUNT(*) FROM audit_head WHERE seq = 0"));
        }
        try (Database migrated = Database.openH2(dir.resolve("flyway"), false, false)) {
            assertFalse(Files.exists(dir.resolve("flyway").resolve(EmptyRecord.FILE + ".copying")));
            assertEquals(schema(migrated), fromCopy);
        }
    }

    @Test
    void aCopyHandsOutIdsFromTheStartLikeANewRecord() throws SQLException {
        try (Database copy = Database.openH2(dir.resolve("ids"))) {
            copy.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO machine (lab, name, is_alias) VALUES ('LAB-A', 'PC-1', FALSE)");
                }
                return null;
            });
            assertEquals(1, count(copy, "SELECT MIN(id) FROM machine"));
        }
    }

    /** Every table, column, index, constraint and sequence of the PUBLIC schema, as sorted text lines. */
    private static List<String> schema(Database db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : List.of(
                    "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE, COLUMN_DEFAULT,"
                            + " IS_IDENTITY, IDENTITY_START, IDENTITY_INCREMENT, IDENTITY_CACHE"
                            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'",
                    "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION"
                            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                            + " ON c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME"
                            + " WHERE i.TABLE_SCHEMA = 'PUBLIC'",
                    "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC'",
                    "SELECT \"version\", \"script\", \"checksum\", \"success\" FROM \"flyway_schema_history\"")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            line.append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
