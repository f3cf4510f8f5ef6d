package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQrCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchQrRunsAtATinySizeAndKeepsItsReportWhenAsked() {
        Cli.Run run = Cli.run("bench", "qr", "--photos", "3", "--zbarimg", "/nonexistent/zbarimg", "--out",
                dir.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("QR benchmark: 3 generated photos (seed 42)"), run.out());
        assertTrue(run.out().contains("gapdesk:  "), run.out());
        assertTrue(run.out().contains("zbarimg:  not found"), run.out());
        assertTrue(Files.exists(dir.resolve("report.csv")));
        assertTrue(Files.exists(dir.resolve("qr-003.jpg")));
    }

    @Test
    void aPhotoCountBelowOneIsAUsageError() {
        Cli.Run run = Cli.run("bench", "qr", "--photos", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--photos must be at least 1"), run.err());
    }
}
