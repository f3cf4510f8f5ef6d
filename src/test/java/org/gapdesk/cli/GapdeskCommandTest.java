package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapdeskCommandTest {
    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli.Run run = Cli.run("--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[] {"serve", "import", "list", "bench"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " in\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void noCommandPrintsTheUsageAsAUsageError() {
        Cli.Run run = Cli.run();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: gapdesk"), run.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Run run = Cli.run("frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void benchIntakeRunsAtATinySize() {
        Cli.Run run = Cli.run("bench", "intake", "--machines", "20", "--runs", "1", "--warmup", "0");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("bare parsing:"), run.out());
        assertTrue(run.out().contains("end to end:"), run.out());
        assertTrue(run.out().contains("ratio:"), run.out());
    }
}
