package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    static final String IID_54 = ImportCommandTest.IID_54;
    static final String IID_50 = ImportCommandTest.IID_50;

    @TempDir
    Path dir;

    String home;

    @BeforeEach
    void importTwoMachines() throws Exception {
        home = dir.resolve("home").toString();
        Path csv = dir.resolve("lab.csv");
        Files.writeString(csv, "machine,product,channel,installationId\r\n"
                + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Windows XP,Volume:MAK," + IID_54 + "\r\n"
                + "PC-2,Windows XP,Volume:GVLK," + IID_50 + "\r\n");
        assertEquals(0, Cli.run("--home", home, "import", "--lab", "LAB-B", csv.toString()).exitCode());
    }

    @Test
    void csvWritesTheRecordSafeForSpreadsheets() throws Exception {
        Path out = dir.resolve("record.csv");
        Cli.Run run = Cli.run("--home", home, "report", "csv", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("Wrote 2 requests to "), run.out());
        String csv = Files.readString(out);
        assertTrue(csv.startsWith("request_id,lab,machine,"), csv);
        assertTrue(csv.contains(",LAB-B,\"'=HYPERLINK("), csv);
        assertTrue(csv.contains(",KMS client,no,"), csv);

        Cli.Run folder = Cli.run("--home", home, "report", "csv", "--out", dir.toString());
        assertEquals(2, folder.exitCode(), folder.toString());
    }

    @Test
    void adviceNamesKmsClientsPerLab() {
        Cli.Run run = Cli.run("--home", home, "report", "advice", "--lab", "LAB-B");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("LAB-B (Control systems lab)\n"), run.out());
        assertTrue(run.out().contains("1 machine in LAB-B has a KMS client key (Volume:GVLK)"), run.out());
        assertEquals(2, Cli.run("--home", home, "report", "advice", "--lab", "LAB-Q").exitCode());
    }
}
