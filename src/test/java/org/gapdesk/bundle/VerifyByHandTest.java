package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps of docs/verify-by-hand.md, run as written on a real exported bundle. */
class VerifyByHandTest {
    @TempDir
    static Path dir;
    static Path bundle;

    @BeforeAll
    static void export() throws Exception {
        try (BundleFixture f = new BundleFixture(dir.resolve("db"))) {
            f.standardContent();
            bundle = f.exporter().exportToFolder("LAB-A", null, "alice", Files.createDirectories(dir.resolve("usb")))
                    .path();
        }
        Files.writeString(dir.resolve("usb/kiosk-public.pem"), BundleFixture.key().publicKeyPem());
    }

    /** Runs {@code script} with sh in the bundle folder; returns exit code and output. */
    static Object[] run(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).directory(bundle.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Object[] {p.exitValue(), out};
    }

    @Test
    void step1TheFingerprintCommandPrintsTheManifestsFingerprint() throws Exception {
        Object[] r = run("openssl pkey -pubin -in ../kiosk-public.pem -outform DER | openssl dgst -sha256");
        assertEquals(0, r[0]);
        String hex = r[1].toString().strip().replaceAll(".*= ", "");
        assertEquals(KeyFingerprint.hex(BundleFixture.key().publicKey()), hex.toUpperCase());
        assertTrue(Files.readString(bundle.resolve("manifest.json")).contains("\"keyFingerprint\": \""
                + hex.toUpperCase() + "\""));
    }

    @Test
    void step2TheSignatureCommandSaysVerifiedOk() throws Exception {
        Object[] r = run("openssl dgst -sha256 -verify ../kiosk-public.pem -signature manifest.sig manifest.json");
        assertEquals(0, r[0], r[1].toString());
        assertEquals("Verified OK", r[1].toString().strip());
    }

    @Test
    void step3EveryFileChecksOkWithAndWithoutJq() throws Exception {
        Object[] sed = run("grep -o '\"name\": \"[^\"]*\"\\|\"sha256\": \"[0-9a-f]*\"' manifest.json | paste - - \\\n"
                + "  | sed 's/\"name\": \"\\([^\"]*\\)\"\\t\"sha256\": \"\\([0-9a-f]*\\)\"/\\2  \\1/' | sha256sum -c -");
        assertEquals(0, sed[0], sed[1].toString());
        assertEquals(List.of("README.txt: OK", "confirmations.csv: OK", "confirmations.json: OK"),
                sed[1].toString().lines().toList());
        Object[] hasJq = run("command -v jq");
        if ((int) hasJq[0] == 0) {
            Object[] jq = run("jq -r '.files[] | \"\\(.sha256)  \\(.name)\"' manifest.json | sha256sum -c -");
            assertEquals(0, jq[0], jq[1].toString());
            assertEquals(sed[1], jq[1]);
        }
        // A changed file fails the same check.
        Path copy = Files.createDirectories(dir.resolve("changed"));
        for (String name : BundleFormat.ALL_FILES) {
            Files.copy(bundle.resolve(name), copy.resolve(name));
        }
        Files.writeString(copy.resolve("README.txt"), "changed");
        Process p = new ProcessBuilder("sh", "-c", "jq -r '.files[] | \"\\(.sha256)  \\(.name)\"' manifest.json"
                + " 2>/dev/null | sha256sum -c - || exit 1").directory(copy.toFile()).redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0);
    }

    @Test
    void step4ListsExactlyTheFiveFiles() throws Exception {
        Object[] r = run("ls -A");
        assertEquals(List.of("README.txt", "confirmations.csv", "confirmations.json", "manifest.json", "manifest.sig"),
                r[1].toString().lines().sorted().toList());
    }

    /**
     * The PowerShell steps take the modulus and exponent at fixed offsets of the key's DER bytes; this checks
     * that layout for kiosk keys and verifies a signature with a key rebuilt exactly that way.
     */
    @Test
    void thePowerShellStepsFixedKeyLayoutHoldsForKioskKeys() throws Exception {
        byte[] header = {0x30, (byte) 0x82, 0x01, (byte) 0xA2, 0x30, 0x0D, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00, 0x03, (byte) 0x82, 0x01, (byte) 0x8F, 0x00,
            0x30, (byte) 0x82, 0x01, (byte) 0x8A, 0x02, (byte) 0x82, 0x01, (byte) 0x81, 0x00};
        for (KioskKey key : List.of(BundleFixture.key(), BundleFixture.otherKey())) {
            byte[] der = key.publicKey().getEncoded();
            assertEquals(422, der.length);
            assertArrayEquals(header, Arrays.copyOfRange(der, 0, 33));
            assertArrayEquals(new byte[] {0x02, 0x03, 0x01, 0x00, 0x01}, Arrays.copyOfRange(der, 417, 422));
            BigInteger modulus = new BigInteger(1, Arrays.copyOfRange(der, 33, 417));
            BigInteger exponent = new BigInteger(1, Arrays.copyOfRange(der, 419, 422));
            PublicKey rebuilt = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            assertArrayEquals(der, rebuilt.getEncoded());
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(BundleFixture.key().publicKey());
        s.update(Files.readAllBytes(bundle.resolve("manifest.json")));
        assertTrue(s.verify(Files.readAllBytes(bundle.resolve("manifest.sig"))));
    }
}
