package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gapdesk audit}: verify exits 0 on an intact chain and 1 naming the first broken link after rows are
 * edited, deleted or reordered directly in the database; head prints the newest hash; export writes guarded CSV.
 */
class AuditCommandTest {
    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void tenEntries() {
        home = dir.resolve("home");
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            for (int i = 1; i <= 10; i++) {
                kiosk.audit().append(i == 7 ? "=HYPERLINK(\"http://x\")" : "alice", "test.change", "thing " + i,
                        "change number " + i);
            }
        }
    }

    @Test
    void anIntactChainExitsZero() {
        Cli.Run run = audit("verify");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("audit chain intact: 10 rows"), run.out());
    }

    @Test
    void anEditedRowIsNamed() {
        sql("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4");
        Cli.Run run = audit("verify");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("audit chain broken at row 4: contents do not match its hash (edited)"),
                run.err());
    }

    @Test
    void aDeletedRowIsNamed() {
        sql("DELETE FROM audit_log WHERE seq = 6");
        Cli.Run run = audit("verify");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("broken at row 6:"), run.err());
        assertTrue(run.err().contains("deleted"), run.err());
    }

    @Test
    void rowsDeletedAtTheEndAreNamed() {
        sql("DELETE FROM audit_log WHERE seq >= 9");
        Cli.Run run = audit("verify");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("broken at row 9: rows 9 to 10 are missing at the end"), run.err());
    }

    @Test
    void reorderedRowsAreNamed() {
        sql("UPDATE audit_log SET seq = -3 WHERE seq = 3");
        sql("UPDATE audit_log SET seq = 3 WHERE seq = 5");
        sql("UPDATE audit_log SET seq = 5 WHERE seq = -3");
        Cli.Run run = audit("verify");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("broken at row 3:") && run.err().contains("reordered"), run.err());
    }

    @Test
    void headPrintsTheNewestHashAndExportGuardsFormulas() throws IOException {
        String hash;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            hash = kiosk.audit().latest(1).get(0).hash();
        }
        Cli.Run head = audit("head");
        assertEquals(0, head.exitCode(), head.toString());
        assertTrue(head.out().contains("entry 10 at ") && head.out().contains("hash " + hash), head.out());

        Path csv = dir.resolve("audit.csv");
        Cli.Run export = audit("export", "--out", csv.toString());
        assertEquals(0, export.exitCode(), export.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("seq,at,operator,action,subject,detail,prev_hash,hash", lines.get(0));
        assertEquals(11, lines.size());
        assertTrue(lines.get(7).startsWith("7,") && lines.get(7).contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
                lines.get(7));
        assertTrue(lines.get(10).endsWith("," + hash), lines.get(10));
    }

    private Cli.Run audit(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--home";
        all[1] = home.toString();
        all[2] = "audit";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    private void sql(String statement) {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            kiosk.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate(statement);
                }
            });
        }
    }
}
