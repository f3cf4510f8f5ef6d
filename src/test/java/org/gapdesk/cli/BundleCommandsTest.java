package org.gapdesk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.config.KioskHome;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.demo.SyntheticIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gapdesk export}, {@code verify} and {@code key}: the bundle loop on the command line. */
class BundleCommandsTest {
    @TempDir
    Path dir;

    /** A home with LAB-A's two machines imported on the command line and their CIDs keyed in. */
    private String homeWithConfirmedRequests() throws Exception {
        Path home = dir.resolve("home");
        SyntheticIds ids = new SyntheticIds(3);
        Path file = dir.resolve("lab.json");
        Files.writeString(file, "{\"format\":\"gapdesk-request\",\"version\":1,\"lab\":\"LAB-A\",\"machines\":["
                + "{\"name\":\"PC-1\",\"alias\":false,\"products\":[{\"name\":\"Windows\",\"channel\":\"Volume:MAK\","
                + "\"installationId\":\"" + ids.iid63() + "\"}]},"
                + "{\"name\":\"PC-2\",\"alias\":false,\"products\":[{\"name\":\"Windows\",\"channel\":\"Volume:MAK\","
                + "\"installationId\":\"" + ids.iid63() + "\"}]}]}");
        Cli.Run imported = Cli.run("--home", home.toString(), "import", file.toString());
        assertEquals(0, imported.exitCode(), imported.toString());
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            for (ActivationRequest r : kiosk.requests().list("LAB-A", RequestState.RECEIVED, null, 10)) {
                assertEquals(ConfirmStatus.STORED,
                        kiosk.confirmations().confirm(r.id(), ids.cid48(), false, false, "alice").status());
            }
        }
        return home.toString();
    }

    @Test
    void exportVerifyAndExportAgain() throws Exception {
        String home = homeWithConfirmedRequests();
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Cli.Run export = Cli.run("--home", home, "export", "--lab", "lab-a", "--out", usb.toString(),
                "--operator", "alice");
        assertEquals(0, export.exitCode(), export.toString());
        Path bundle = usb.resolve("gapdesk-bundle-LAB-A-1");
        assertTrue(export.out().contains("Bundle exported: LAB-A #1"), export.out());
        assertTrue(export.out().contains("Sequence:         1"), export.out());
        assertTrue(export.out().contains("Entries:          2"), export.out());
        assertTrue(export.out().contains("Folder:           " + bundle + " (read back and verified)"), export.out());
        String sha = export.out().lines().filter(l -> l.startsWith("Manifest SHA-256: ")).findFirst().orElseThrow()
                .substring(18);
        assertEquals(64, sha.length());

        Cli.Run nothing = Cli.run("--home", home, "export", "--lab", "LAB-A", "--out", usb.toString());
        assertEquals(1, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.err().contains("nothing to export"), nothing.err());

        Cli.Run valid = Cli.run("--home", home, "verify", bundle.toString(), "--lab", "LAB-A", "--last-sequence", "0");
        assertEquals(0, valid.exitCode(), valid.toString());
        assertTrue(valid.out().startsWith("valid: LAB-A #1, 2 entries"), valid.out());
        assertTrue(valid.out().contains("Manifest SHA-256: " + sha), valid.out());

        Cli.Run replay = Cli.run("--home", home, "verify", bundle.toString(), "--last-sequence", "1");
        assertEquals(1, replay.exitCode(), replay.toString());
        assertTrue(replay.out().startsWith("NOT VALID: sequence-not-newer"), replay.out());
        Cli.Run otherLab = Cli.run("--home", home, "verify", bundle.toString(), "--lab", "LAB-B");
        assertEquals(1, otherLab.exitCode());
        assertTrue(otherLab.out().startsWith("NOT VALID: lab-mismatch"), otherLab.out());

        Path pem = dir.resolve("kiosk-public.pem");
        Path cert = dir.resolve("kiosk-cert.pem");
        assertEquals(0, Cli.run("--home", home, "key", "export", "--out", pem.toString()).exitCode());
        assertEquals(0, Cli.run("--home", home, "key", "export", "--cert", "--out", cert.toString()).exitCode());
        assertTrue(Files.readString(pem).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertEquals(0, Cli.run("verify", bundle.toString(), "--key", pem.toString()).exitCode());
        assertEquals(0, Cli.run("verify", bundle.resolve("manifest.json").toString(), "--key", cert.toString())
                .exitCode());

        Path zip = dir.resolve("again.zip");
        Cli.Run again = Cli.run("--home", home, "export", "--lab", "LAB-A", "--again", "1", "--zip", zip.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().startsWith("Bundle written again: LAB-A #1"), again.out());
        assertTrue(again.out().contains("Manifest SHA-256: " + sha), again.out());
        assertEquals(0, Cli.run("verify", zip.toString(), "--key", pem.toString()).exitCode());
        Path copy = Files.createDirectories(dir.resolve("copy"));
        assertEquals(0, Cli.run("--home", home, "export", "--lab", "LAB-A", "--again", "1", "--out", copy.toString())
                .exitCode());
        for (String name : List.of("manifest.json", "manifest.sig", "README.txt", "confirmations.csv",
                "confirmations.json")) {
            assertArrayEquals(Files.readAllBytes(bundle.resolve(name)),
                    Files.readAllBytes(copy.resolve("gapdesk-bundle-LAB-A-1").resolve(name)), name);
        }

        Files.delete(bundle.resolve("confirmations.csv"));
        Cli.Run missing = Cli.run("verify", bundle.toString(), "--key", pem.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.out().startsWith("NOT VALID: missing-file"), missing.out());
        Cli.Run none = Cli.run("verify", dir.resolve("nope").toString(), "--key", pem.toString());
        assertEquals(1, none.exitCode());
        assertTrue(none.out().startsWith("NOT VALID: not-a-bundle"), none.out());
        Cli.Run both = Cli.run("--home", home, "export", "--lab", "LAB-A", "--out", usb.toString(), "--zip", "x.zip");
        assertEquals(2, both.exitCode(), both.toString());
        Cli.Run badKey = Cli.run("verify", bundle.toString(), "--key", dir.resolve("lab.json").toString());
        assertEquals(1, badKey.exitCode());
        assertTrue(badKey.err().contains("no PUBLIC KEY block"), badKey.err());
    }

    @Test
    void keyShowAndRotate() throws Exception {
        String home = homeWithConfirmedRequests();
        Cli.Run show = Cli.run("--home", home, "key", "show");
        assertEquals(0, show.exitCode(), show.toString());
        String fingerprint;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(Path.of(home)))) {
            fingerprint = kiosk.key().fingerprint();
        }
        assertTrue(show.out().contains("Fingerprint:  " + fingerprint), show.out());
        assertTrue(show.out().contains("Algorithm:    RSA-3072, SHA256withRSA (PKCS#1 v1.5)"), show.out());
        assertTrue(show.out().contains("Created:      "), show.out());

        Path usb = Files.createDirectories(dir.resolve("usb"));
        assertEquals(0, Cli.run("--home", home, "export", "--lab", "LAB-A", "--out", usb.toString()).exitCode());
        Path oldPem = dir.resolve("old.pem");
        assertEquals(0, Cli.run("--home", home, "key", "export", "--out", oldPem.toString()).exitCode());

        Cli.Run rotate = Cli.run("--home", home, "key", "rotate", "--operator", "bob");
        assertEquals(0, rotate.exitCode(), rotate.toString());
        assertTrue(rotate.out().contains("Old fingerprint: " + fingerprint), rotate.out());
        String retired = rotate.out().lines().filter(l -> l.startsWith("Old key kept in: ")).findFirst()
                .orElseThrow().substring(17);
        assertTrue(Files.isRegularFile(Path.of(retired, "kiosk-key.pem")), retired);
        assertTrue(Path.of(retired).startsWith(Path.of(home).toAbsolutePath().resolve("keys/retired")), retired);

        Cli.Run after = Cli.run("--home", home, "key", "show");
        assertTrue(!after.out().contains(fingerprint), after.out());
        assertTrue(after.out().contains("Retired keys: 1 "), after.out());

        Path bundle = usb.resolve("gapdesk-bundle-LAB-A-1");
        Cli.Run withNewKey = Cli.run("--home", home, "verify", bundle.toString());
        assertEquals(1, withNewKey.exitCode());
        assertTrue(withNewKey.out().startsWith("NOT VALID: signed-by-other-key"), withNewKey.out());
        assertEquals(0, Cli.run("verify", bundle.toString(), "--key", oldPem.toString()).exitCode());
    }
}
