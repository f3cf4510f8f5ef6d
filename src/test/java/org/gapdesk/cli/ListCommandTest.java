package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    static final String IID_54 = ImportCommandTest.IID_54;
    static final String IID_50 = ImportCommandTest.IID_50;

    @TempDir
    Path dir;

    String home;

    @BeforeEach
    void importTwoMachines() throws IOException {
        home = dir.resolve("home").toString();
        Path csv = dir.resolve("lab.csv");
        Files.writeString(csv, "machine,product,channel,installationId\r\n"
                + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",Windows XP,Volume:MAK," + IID_54 + "\r\n"
                + "PC-2,Windows XP,Volume:GVLK," + IID_50 + "\r\n");
        Cli.Run run = Cli.run("--home", home, "import", "--lab", "LAB-B", csv.toString());
        assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    void tableListsNewestFirst() {
        Cli.Run run = Cli.run("--home", home, "list");
        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("ID  LAB"), run.out());
        assertTrue(lines[1].startsWith("2   LAB-B  PC-2"), run.out());
        assertTrue(lines[1].contains("KMS client"), run.out());
        assertTrue(lines[2].contains("334481-558826-870862-843844-566221-823392-794862-457401-103810"), run.out());
        assertEquals("2 requests", lines[3]);
    }

    @Test
    void filtersByStateSearchAndLimit() {
        assertTrue(Cli.run("--home", home, "list", "--state", "kms_client").out().contains("1 request\n"));
        assertTrue(Cli.run("--home", home, "list", "--state", "KMS client").out().contains("PC-2"));
        assertTrue(Cli.run("--home", home, "list", "--search", "334481-558826").out().contains("1 request\n"));
        assertTrue(Cli.run("--home", home, "list", "--lab", "LAB-A").out().contains("No requests match."));
        assertTrue(Cli.run("--home", home, "list", "--limit", "1").out().contains("1 request\n"));
    }

    @Test
    void anUnknownStateIsAUsageErrorNamingTheStates() {
        Cli.Run run = Cli.run("--home", home, "list", "--state", "bogus");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown state 'bogus'"), run.err());
    }

    @Test
    void csvIsQuotedAndGuardedAgainstFormulas() {
        Cli.Run run = Cli.run("--home", home, "list", "--format", "csv");
        assertEquals(0, run.exitCode(), run.toString());
        String[] rows = run.out().split("\r\n");
        assertEquals(3, rows.length, run.out());
        assertTrue(rows[0].startsWith("id,lab,machine,alias,product,activation_id,channel,state,iid,cid"), rows[0]);
        assertTrue(rows[1].startsWith("2,LAB-B,PC-2,false,Windows XP,,Volume:GVLK,KMS client,"), rows[1]);
        assertTrue(rows[2].startsWith("1,LAB-B,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",false,"), rows[2]);
    }

    @Test
    void jsonIsAnArrayOfRequests() throws IOException {
        Cli.Run run = Cli.run("--home", home, "list", "--format", "json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(2, rows.size());
        assertEquals("PC-2", rows.get(0).get("machine").asText());
        assertEquals("KMS client", rows.get(0).get("state").asText());
        assertEquals("=HYPERLINK(\"http://x\",\"y\")", rows.get(1).get("machine").asText());
        assertEquals(IID_50, rows.get(0).get("iid").asText());
        assertTrue(rows.get(1).get("cid").isNull());
    }
}
