package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gapdesk import} with the public vectors of the activation reference. */
class ImportCommandTest {
    static final String IID_54 = "334481558826870862843844566221823392794862457401103810";
    static final String IID_50 = "140360-627153-508674-221690-171243-904021-659581-150052-92";

    @TempDir
    Path dir;

    Path home() {
        return dir.resolve("home");
    }

    /** A request file with one machine per IID. */
    Path requestFile(String name, String... iids) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\","
                + "\"machines\":[");
        for (int i = 0; i < iids.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"PC-").append(i + 1).append("\",\"alias\":false,")
                    .append("\"products\":[{\"name\":\"Windows XP Professional\",\"channel\":\"Volume:MAK\",")
                    .append("\"installationId\":\"").append(iids[i]).append("\"}]}");
        }
        json.append("]}");
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void thePublicVectorsAreStoredAndTheExitCodeIsZero() throws IOException {
        Path file = requestFile("good.json", IID_54, IID_50);
        Cli.Run run = Cli.run("--home", home().toString(), "import", file.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("good.json (gapdesk-request, 2 entries)"), run.out());
        assertTrue(run.out().contains("machines[0].products[0]  LAB-A PC-1  Windows XP Professional [Volume:MAK]"),
                run.out());
        assertTrue(run.out().contains("IID 334481-558826-870862-843844-566221-823392-794862-457401-103810  ->  new"),
                run.out());
        assertTrue(run.out().contains("IID " + IID_50 + "  ->  new"), run.out());
        assertTrue(run.out().contains("2 new."), run.out());
        assertTrue(run.out().contains("2 requests stored."), run.out());
        assertEquals("", run.err().replaceFirst("gapdesk: warning: no operators are set up yet[^\\n]*\\R", ""),
                "nothing on standard error but the one no-operators warning");
    }

    @Test
    void eachNegativeVectorIsRejectedWithItsProblemAndTheExitCodeIsTwo() throws IOException {
        String tooShort = IID_54.substring(0, 53);
        String tooLong = IID_54 + "0";
        String badCheck = IID_54.substring(0, 53) + "1";
        String letter = IID_54.substring(0, 20) + "X" + IID_54.substring(21);
        Path file = requestFile("vectors.json", IID_54, tooShort, tooLong, badCheck, letter);
        Cli.Run run = Cli.run("import", "--home", home().toString(), "--operator", "tester", file.toString());
        assertEquals(2, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("IID 334481-558826-870862-843844-566221-823392-794862-457401-103810  ->  new"), out);
        assertTrue(out.contains("machines[1].products[0]"), out);
        assertTrue(out.contains("rejected: Installation ID has 53 digits"), out);
        assertTrue(out.contains("rejected: Installation ID has 55 digits"), out);
        assertTrue(out.contains("group 9 (103811) fails its check digit: ends in 1, expected 0"), out);
        assertTrue(out.contains("'X'"), out);
        assertTrue(out.contains("Imported as tester: 1 new, 4 rejected."), out);
        assertTrue(out.contains("1 request stored."), out);
        assertTrue(run.err().contains("rejected 4 entries"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());

        Cli.Run list = Cli.run("list", "--home", home().toString(), "--format", "csv");
        assertEquals(2, list.out().split("\r\n").length, "header and the one stored request: " + list.out());
    }

    @Test
    void aFileThatCannotBeParsedIsRejectedWholeWhileTheOthersGoIn() throws IOException {
        Path good = requestFile("good.json", IID_54);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\":\"gapdesk-request\",\"version\":1,\"machines\":[");
        Cli.Run run = Cli.run("--home", home().toString(), "import", good.toString(), broken.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("broken.json: REJECTED whole, nothing of it stored"), run.out());
        assertTrue(run.out().contains("1 new, 1 file rejected."), run.out());
        assertTrue(run.err().contains("rejected 1 file "), run.err());
    }

    @Test
    void importingTheSameFileAgainIsAlreadyKnownAndStillExitsZero() throws IOException {
        Path file = requestFile("good.json", IID_54);
        assertEquals(0, Cli.run("--home", home().toString(), "import", file.toString()).exitCode());
        Cli.Run again = Cli.run("--home", home().toString(), "import", file.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("already known: already request 1"), again.out());
        assertTrue(again.out().contains("0 requests stored."), again.out());
    }

    @Test
    void aMissingFileStopsBeforeAnythingIsImported() throws IOException {
        Path good = requestFile("good.json", IID_54);
        Cli.Run run = Cli.run("--home", home().toString(), "import", good.toString(),
                dir.resolve("nope.json").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("gapdesk: cannot import "), run.err());
        assertTrue(run.err().contains("no such file; nothing imported"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(Cli.run("--home", home().toString(), "list").out().contains("No requests match."));
    }

    @Test
    void noFileIsAUsageError() {
        Cli.Run run = Cli.run("--home", home().toString(), "import");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Missing required parameter"), run.err());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Cli.Run run = Cli.run("import", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("at least one file or entry was rejected"), run.out());
    }
}
