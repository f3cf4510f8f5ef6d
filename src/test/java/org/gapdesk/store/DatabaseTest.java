package org.gapdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesInTheBackgroundAndEveryUseWaitsForIt() {
        try (Database db = Database.openH2(dir, true)) {
            long tables = db.<Long>read(c -> count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'ACTIVATION_REQUEST'"));
            assertEquals(1, tables);
            db.awaitMigrations();
        }
    }

    @Test
    void identityColumnsOfTheLargeTablesHandOutNumbersInBlocksOnH2() {
        try (Database db = Database.openH2(dir)) {
            assertEquals(1000L, (long) db.read(c -> count(c, "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'ACTIVATION_REQUEST' AND COLUMN_NAME = 'ID'")));
            assertEquals(1000L, (long) db.read(c -> count(c, "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'REQUEST_EVENT' AND COLUMN_NAME = 'ID'")));
        }
    }

    @Test
    void aFailedBackgroundMigrationFailsEveryUseAndStillCloses() throws Exception {
        byte[] notADatabase = new byte[8192];
        java.util.Arrays.fill(notADatabase, (byte) 'x');
        java.nio.file.Files.write(dir.resolve("gapdesk.mv.db"), notADatabase);
        Database db = Database.openH2(dir, true);
        RuntimeException first = assertThrows(RuntimeException.class, () -> db.read(c -> 1));
        RuntimeException again = assertThrows(RuntimeException.class, db::awaitMigrations);
        assertSame(first, again);
        db.close();
    }

    private static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
