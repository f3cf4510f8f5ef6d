package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakCommandTest {
    @TempDir
    Path dir;

    String home;

    @BeforeEach
    void home() {
        home = dir.resolve("home").toString();
    }

    @Test
    void addThenANewReadingThenList() {
        Cli.Run add = Cli.run("--home", home, "mak", "add", "--last5", "3v66t", "--group", "Windows 10/11 Enterprise",
                "--remaining", "250", "--read-on", "2026-11-02", "--operator", "alice");
        assertEquals(0, add.exitCode(), add.toString());
        assertTrue(add.out().startsWith("Added MAK ending 3V66T.\n"), add.out());
        assertTrue(add.out().contains("250 remaining = 250 read on 2026-11-02 minus 0 activations keyed since."),
                add.out());

        Cli.Run reading = Cli.run("--home", home, "mak", "add", "--last5", "3V66T", "--remaining", "240",
                "--read-on", "2026-11-09");
        assertEquals(0, reading.exitCode(), reading.toString());
        assertTrue(reading.out().startsWith("New reading for MAK ending 3V66T."), reading.out());

        Cli.Run low = Cli.run("--home", home, "mak", "add", "--last5", "XQ7DR", "--group", "Office LTSC 2021",
                "--remaining", "4", "--read-on", "2026-11-09");
        assertEquals(0, low.exitCode(), low.toString());
        assertTrue(low.err().contains("alert not mailed: mail is off"), low.toString());

        Cli.Run list = Cli.run("--home", home, "mak", "list");
        assertEquals(0, list.exitCode(), list.toString());
        String[] lines = list.out().split("\n");
        assertEquals("MAK    KEY GROUP                 READ ON     READING  SINCE  REMAINING  STATUS", lines[0]);
        assertEquals("XQ7DR  Office LTSC 2021          2026-11-09  4        0      4          low", lines[1]);
        assertEquals("3V66T  Windows 10/11 Enterprise  2026-11-09  240      0      240        ok", lines[2]);
        assertTrue(lines[3].contains("warning at 10 or fewer"), lines[3]);
    }

    @Test
    void aFullProductKeyIsAUsageErrorThatNeverEchoesTheKey() {
        Cli.Run run = Cli.run("--home", home, "mak", "add", "--last5", "NPPR9-FWDCX-D2C8J-H872K-2YT43", "--group",
                "Windows 10/11 Enterprise", "--remaining", "10", "--read-on", "2026-11-02");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("that looks like a full product key"), run.err());
        assertFalse(run.out().contains("FWDCX") || run.err().contains("FWDCX"), run.toString());
        assertTrue(Cli.run("--home", home, "mak", "list").out().startsWith("The MAK pool is empty."));
    }

    @Test
    void aNewMakNeedsItsGroup() {
        Cli.Run run = Cli.run("--home", home, "mak", "add", "--last5", "3V66T", "--remaining", "10", "--read-on",
                "2026-11-02");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("name its product key group"), run.err());
    }
}
