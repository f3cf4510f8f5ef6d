package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code gapdesk bench all} is registered and checks its sizes (the run itself is covered by AllBenchmarksTest). */
class BenchAllCommandTest {
    @Test
    void isListedUnderBenchWithItsOptions() {
        Cli.Run run = Cli.run("bench", "all", "--help");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--out=FILE"), run.out());
        assertTrue(run.out().contains("--restarts=N"), run.out());
    }

    @Test
    void aSizeBelowOneIsAUsageError() {
        Cli.Run run = Cli.run("bench", "all", "--intake", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("must be at least 1"), run.err());
    }
}
