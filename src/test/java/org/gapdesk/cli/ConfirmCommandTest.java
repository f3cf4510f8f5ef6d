package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.TestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gapdesk confirm}: stored is 0; a warning, a different CID on record or a refusal is 2 with the reason. */
class ConfirmCommandTest {
    @TempDir
    Path dir;

    private final TestIds ids = new TestIds(77);
    private String home;
    private String iid;

    @BeforeEach
    void importOneMachine() throws IOException {
        home = dir.resolve("home").toString();
        iid = ids.iid63();
        Path file = dir.resolve("lab.json");
        Files.writeString(file, "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"machines\":["
                + "{\"name\":\"PC-1\",\"alias\":false,\"products\":[{\"name\":\"Windows(R), Enterprise edition\","
                + "\"channel\":\"Volume:MAK\",\"installationId\":\"" + iid + "\"}]}]}");
        assertEquals(0, Cli.run("--home", home, "import", file.toString()).exitCode());
    }

    @Test
    void storesTheCidAndSaysSoOnceMore() {
        String cid = ids.cid48();
        Cli.Run run = Cli.run("--home", home, "confirm", iid, cid, "--operator", "alice");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("request 1: CID stored (by alice)"), run.out());
        Cli.Run again = Cli.run("--home", home, "confirm", TestIds.digits(iid), TestIds.digits(cid));
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("already on record"), again.out());
    }

    @Test
    void aBadCheckDigitNeedsOverrideCheck() {
        String bad = TestIds.breakGroup(ids.cid48(), 6, 6);
        Cli.Run warned = Cli.run("--home", home, "confirm", iid, bad);
        assertEquals(2, warned.exitCode(), warned.toString());
        int expected = CheckDigit.compute(bad.substring(30, 35), 0, 5);
        assertTrue(warned.err().contains("not stored: request 1: Check digit warning: block F"), warned.err());
        assertTrue(warned.err().contains("check digit would be " + expected), warned.err());
        assertTrue(warned.err().contains("re-listen to block F; if it is right as read, run again with"
                + " --override-check"), warned.err());
        Cli.Run kept = Cli.run("--home", home, "confirm", iid, bad, "--override-check");
        assertEquals(0, kept.exitCode(), kept.toString());
    }

    @Test
    void aDifferentCidOnRecordNeedsReplace() {
        assertEquals(0, Cli.run("--home", home, "confirm", iid, ids.cid48()).exitCode());
        String other = ids.cid48();
        Cli.Run asked = Cli.run("--home", home, "confirm", iid, other);
        assertEquals(2, asked.exitCode(), asked.toString());
        assertTrue(asked.err().contains("different CID on record"), asked.err());
        assertTrue(asked.err().contains("run again with --replace"), asked.err());
        Cli.Run replaced = Cli.run("--home", home, "confirm", iid, other, "--replace");
        assertEquals(0, replaced.exitCode(), replaced.toString());
    }

    @Test
    void malformedInputAndUnknownIidsAreRefusedWithTheReason() {
        Cli.Run shortCid = Cli.run("--home", home, "confirm", iid, "123456-123456");
        assertEquals(2, shortCid.exitCode());
        assertTrue(shortCid.err().contains("Confirmation ID has 12 digits"), shortCid.err());
        Cli.Run unknown = Cli.run("--home", home, "confirm", ids.iid63(), ids.cid48());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("import the machine's request first"), unknown.err());
        Cli.Run letters = Cli.run("--home", home, "confirm", iid.replace('-', 'x'), ids.cid48());
        assertEquals(2, letters.exitCode());
        assertTrue(letters.err().contains("not a digit"), letters.err());
        assertEquals(2, Cli.run("--home", home, "confirm", iid).exitCode(), "CID missing");
    }
}
