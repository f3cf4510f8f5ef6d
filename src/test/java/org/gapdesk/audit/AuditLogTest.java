package org.gapdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;
    Database db;
    AuditLog log;

    @BeforeEach
    void fill() {
        db = TestDatabase.open(dir);
        log = new AuditLog(db, Clock.fixed(Instant.parse("2026-11-20T10:00:00.123456Z"), ZoneOffset.UTC));
        for (int i = 1; i <= 10; i++) {
            log.append("alice", "test.change", "thing " + i, "change number " + i);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditVerification v = log.verify();
        assertTrue(v.intact(), v.describe());
        assertEquals(10, v.rows());
        assertEquals(10, log.all().size());
        assertEquals("thing 3", log.forSubject("thing 3").get(0).subject());
    }

    @Test
    void anEditedRowIsNamed() {
        sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(4, v.brokenAt());
        assertTrue(v.reason().contains("edited"), v.reason());
    }

    @Test
    void anEditedOperatorOrTimeIsNamedToo() {
        sql("UPDATE audit_log SET operator = 'mallory' WHERE seq = 2");
        assertEquals(2, log.verify().brokenAt());
    }

    @Test
    void aDeletedRowIsNamed() {
        sql("DELETE FROM audit_log WHERE seq = 6");
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(6, v.brokenAt());
        assertTrue(v.reason().contains("missing"), v.reason());
    }

    @Test
    void rowsDeletedAtTheEndAreNamed() {
        sql("DELETE FROM audit_log WHERE seq >= 9");
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(9, v.brokenAt());
        assertTrue(v.reason().contains("9 to 10"), v.reason());
    }

    @Test
    void reorderedRowsAreNamed() {
        // swap the contents of rows 3 and 5, keeping their sequence numbers and hashes in place
        sql("UPDATE audit_log SET seq = -3 WHERE seq = 3");
        sql("UPDATE audit_log SET seq = 3 WHERE seq = 5");
        sql("UPDATE audit_log SET seq = 5 WHERE seq = -3");
        AuditVerification v = log.verify();
        assertFalse(v.intact());
        assertEquals(3, v.brokenAt());
        assertTrue(v.reason().contains("reordered"), v.reason());
    }

    @Test
    void appendingAfterAVerifiedChainKeepsItIntact() {
        log.append("bob", "test.more", "thing 11", "more");
        assertTrue(log.verify().intact());
        assertEquals(11, log.latest(1).get(0).seq());
    }

    private void sql(String statement) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }
}
