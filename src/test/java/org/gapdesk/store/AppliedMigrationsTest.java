package org.gapdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a restart may skip Flyway: only with exactly this build's scripts applied, all successful. */
class AppliedMigrationsTest {
    private static final String[] H2 = {"classpath:db/migration", "classpath:db/h2"};

    @TempDir
    Path dir;

    @Test
    void listsTheScriptsThisBuildCarries() {
        Set<String> carried = AppliedMigrations.carried(H2).orElseThrow();
        assertTrue(carried.contains("1 V1__requests.sql"), carried.toString());
        assertTrue(carried.contains("11 V11__identity_cache.sql"), carried.toString());
        assertEquals(carried.size(), AppliedMigrations.carried("classpath:db/migration").orElseThrow().size() + 1);
    }

    @Test
    void aNewDatabaseIsNotMigratedAndAMigratedOneIs() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("fresh"), "gapdesk", "");
        try {
            assertFalse(AppliedMigrations.allApplied(pool, H2), "no history table yet");
        } finally {
            pool.dispose();
        }
        Database.openH2(dir).close();
        Database again = Database.openH2(dir);
        try {
            assertTrue(AppliedMigrations.allApplied(again.dataSource(), H2));
            assertFalse(AppliedMigrations.allApplied(again.dataSource(), "classpath:db/migration"),
                    "the history has a script these locations do not carry");
        } finally {
            again.close();
        }
    }

    @Test
    void aFailedMissingOrUnknownRowSendsTheStartThroughFlyway() throws Exception {
        for (String change : new String[] {
                "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '11'",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'",
                "INSERT INTO \"flyway_schema_history\" SELECT 99, '12', 'later', 'SQL', 'V12__later.sql', 0,"
                        + " 'gapdesk', CURRENT_TIMESTAMP, 1, TRUE FROM DUAL"}) {
            Path home = dir.resolve("db-" + Integer.toHexString(change.hashCode()));
            try (Database db = Database.openH2(home)) {
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute(change);
                }
                assertFalse(AppliedMigrations.allApplied(db.dataSource(), H2), change);
            }
        }
    }
}
