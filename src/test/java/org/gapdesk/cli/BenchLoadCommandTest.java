package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gapdesk bench load}: a small run prints the latencies and finds nothing lost; bad sizes are usage errors. */
class BenchLoadCommandTest {
    @TempDir
    Path work;

    @Test
    void aSmallRunPrintsBothRunsWithNoErrorAndNothingLost() {
        Cli.Run run = Cli.run("bench", "load", "--operators", "3", "--files", "1", "--machines", "2", "--exports",
                "1", "--interval-ms", "1", "--no-warmup", "--work-dir", work.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("measured, one CID per operator every 1 ms:"), run.out());
        assertTrue(run.out().contains("flat out, each operator's next CID"), run.out());
        assertTrue(run.out().contains("6 CIDs acknowledged"), run.out());
        assertTrue(run.out().matches("(?s).*CID entry: +p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms over 6.*"),
                run.out());
        assertTrue(run.out().contains("errors:       0") && run.out().contains("lost/doubled: 0"), run.out());
    }

    @Test
    void aSizeBelowOneIsAUsageError() {
        Cli.Run run = Cli.run("bench", "load", "--operators", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("at least 1 operator"), run.err());
    }
}
