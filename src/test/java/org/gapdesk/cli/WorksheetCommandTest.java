package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gapdesk worksheet}: a new batch from the received requests, then reprints and refusals. */
class WorksheetCommandTest {
    static final String IID_54 = "334481558826870862843844566221823392794862457401103810";
    static final String IID_50 = "140360-627153-508674-221690-171243-904021-659581-150052-92";

    @TempDir
    Path dir;

    @Test
    void makesABatchWritesItsWorksheetAndReprintsIt() throws IOException {
        String home = dir.resolve("home").toString();
        Path file = dir.resolve("lab.json");
        Files.writeString(file, "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"machines\":["
                + "{\"name\":\"PC-1\",\"alias\":false,\"products\":[{\"name\":\"Windows XP Professional\","
                + "\"channel\":\"Volume:MAK\",\"installationId\":\"" + IID_54 + "\"}]},"
                + "{\"name\":\"PC-2\",\"alias\":false,\"products\":[{\"name\":\"Windows XP Professional\","
                + "\"channel\":\"Volume:MAK\",\"installationId\":\"" + IID_50 + "\"}]}]}");
        assertEquals(0, Cli.run("--home", home, "import", file.toString()).exitCode());

        Path pdf = dir.resolve("out/batch.pdf");
        Cli.Run run = Cli.run("--home", home, "worksheet", "--channel", "phone", "--out", pdf.toString(),
                "--operator", "alice");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Batch 1 (LAB-A, phone): 2 IIDs on 2 machines"), run.out());
        assertTrue(run.out().contains("Worksheet: " + pdf.toAbsolutePath()), run.out());
        String text = text(pdf);
        assertTrue(text.contains("334481") && text.contains("103810") && text.contains("alice"), text);

        Cli.Run none = Cli.run("--home", home, "worksheet", "--out", dir.resolve("none.pdf").toString());
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.err().contains("no lab has received requests"), none.err());

        Path again = dir.resolve("again.pdf");
        Cli.Run reprint = Cli.run("--home", home, "worksheet", "--batch", "1", "--out", again.toString());
        assertEquals(0, reprint.exitCode(), reprint.toString());
        assertTrue(reprint.out().contains("Reprinted batch 1 (LAB-A, phone): 2 IIDs on 2 machines"), reprint.out());
        assertEquals(text, text(again));

        Cli.Run otherChannel = Cli.run("--home", home, "worksheet", "--batch", "1", "--channel", "portal",
                "--out", again.toString());
        assertEquals(2, otherChannel.exitCode(), otherChannel.toString());
        assertTrue(otherChannel.err().contains("a reprint keeps it"), otherChannel.err());
        Cli.Run missing = Cli.run("--home", home, "worksheet", "--batch", "99", "--out", again.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("there is no batch 99"), missing.err());
        Cli.Run fax = Cli.run("--home", home, "worksheet", "--channel", "fax", "--out", again.toString());
        assertEquals(2, fax.exitCode());
        assertTrue(fax.err().contains("phone, portal"), fax.err());
    }

    @Test
    void benchWorksheetRunsAtATinySize() {
        Cli.Run run = Cli.run("bench", "worksheet", "--machines", "5", "--runs", "1", "--warmup", "0",
                "--channel", "phone");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("5 machines, phone channel"), run.out());
        assertTrue(run.out().contains("pdf:") && run.out().contains("end to end:") && run.out().contains("rendering:"),
                run.out());
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
