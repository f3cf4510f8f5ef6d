package org.gapdesk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskKeyTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnceOwnerOnlyAndReloadedUnchanged() throws Exception {
        KioskKey first = KioskKey.loadOrCreate(dir, "kiosk-1");
        assertEquals(3072, ((RSAPublicKey) first.publicKey()).getModulus().bitLength());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(KioskKey.KEY_FILE))));
        KioskKey again = KioskKey.loadOrCreate(dir, "kiosk-1");
        assertEquals(first.fingerprint(), again.fingerprint());
        assertTrue(first.certificate().getSubjectX500Principal().getName().contains("kiosk-1"));
        first.certificate().verify(first.publicKey());
    }

    @Test
    void signaturesVerifyWithTheJdkAndTheFingerprintMatchesOpenssl() throws Exception {
        KioskKey key = KioskKey.loadOrCreate(dir, "kiosk-1");
        byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(data);
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(key.publicKey());
        v.update(data);
        assertTrue(v.verify(sig));

        assertEquals(79, key.fingerprint().length());
        Path pem = dir.resolve("pub.pem");
        Files.writeString(pem, key.publicKeyPem());
        assertArrayEquals(key.publicKey().getEncoded(), Pem.decode("PUBLIC KEY", key.publicKeyPem()));
        // OpenSSL computes the same fingerprint from the exported PEM, as docs/bundle-format.md says.
        Process p = new ProcessBuilder("sh", "-c",
                "openssl pkey -pubin -in '" + pem + "' -outform DER | openssl dgst -sha256 -r")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(KeyFingerprint.hex(key.publicKey()).toLowerCase(), out.strip().split(" ")[0], out);
        List<String> groups = List.of(key.fingerprint().split(" "));
        assertEquals(16, groups.size());
    }
}
