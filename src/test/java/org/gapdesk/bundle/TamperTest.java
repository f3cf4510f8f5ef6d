package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips every single byte of every file of a real bundle, one at a time (XOR 0x01), and checks that every
 * verifier rejects each copy: the kiosk's {@link BundleVerifier}, and OpenSSL the way a person checks by hand
 * (the signature of every flipped manifest.json and manifest.sig with {@code openssl dgst -verify}; every
 * other flipped file's {@code openssl dgst -sha256 -r} digest against manifest.json). The OpenSSL calls run
 * batched in one shell script per kind of check.
 */
class TamperTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static BundleFiles files;
    static Manifest manifest;

    @BeforeAll
    static void export() throws Exception {
        try (BundleFixture f = new BundleFixture(dir.resolve("db"))) {
            f.standardContent();
            Path usb = Files.createDirectories(dir.resolve("usb"));
            ExportResult r = f.exporter().exportToFolder(BundleFixture.LAB, null, "alice", usb);
            bundle = r.path();
        }
        files = new BundleVerifier().read(bundleOrFail());
        manifest = new BundleVerifier().verify(files, BundleFixture.key().publicKey(), BundleFixture.LAB, 0L)
                .manifest();
        Files.writeString(dir.resolve("pub.pem"), BundleFixture.key().publicKeyPem(), StandardCharsets.US_ASCII);
    }

    private static Path bundleOrFail() {
        assertTrue(Files.isDirectory(bundle));
        return bundle;
    }

    /** The bundle as written has exactly the five files and verifies. */
    @Test
    void theUntouchedBundleVerifies() {
        assertEquals(BundleFormat.ALL_FILES.stream().sorted().toList(), List.copyOf(files.names()));
        VerificationResult v = new BundleVerifier().verify(files, BundleFixture.key().publicKey(), BundleFixture.LAB,
                0L);
        assertTrue(v.valid(), v.message());
    }

    @Test
    void theJavaVerifierRejectsEveryFlippedByteOfEveryFile() {
        BundleVerifier verifier = new BundleVerifier();
        Map<VerificationReason, Integer> reasons = new HashMap<>();
        int flips = 0;
        for (String name : files.names()) {
            byte[] original = files.bytes(name);
            for (int i = 0; i < original.length; i++) {
                byte[] flipped = original.clone();
                flipped[i] ^= 0x01;
                int at = i;
                VerificationResult v = verifier.verify(files.with(name, flipped), BundleFixture.key().publicKey(),
                        BundleFixture.LAB, 0L);
                assertFalse(v.valid(), () -> "accepted " + name + " with byte " + at + " flipped");
                reasons.merge(v.reason(), 1, Integer::sum);
                flips++;
            }
        }
        assertEquals(files.names().stream().mapToLong(files::size).sum(), flips);
        // A data file's flip is caught by its hash; a manifest or signature flip by the signature.
        assertTrue(reasons.getOrDefault(VerificationReason.HASH_MISMATCH, 0) > 0, reasons.toString());
        assertTrue(reasons.getOrDefault(VerificationReason.BAD_SIGNATURE, 0) > 0, reasons.toString());
    }

    /** The lab toolkit's Java reference ({@link org.gapdesk.lab.LabVerifier}) refuses every flipped copy too. */
    @Test
    void theLabReferenceVerifierRejectsEveryFlippedByteOfEveryFile() throws Exception {
        org.gapdesk.lab.LabVerifier lab = new org.gapdesk.lab.LabVerifier(
                org.gapdesk.lab.PinnedKey.of(BundleFixture.key().publicKey()));
        Path copy = Files.createDirectories(dir.resolve("lab-copy"));
        for (String name : files.names()) {
            Files.write(copy.resolve(name), files.bytes(name));
        }
        lab.verify(copy, BundleFixture.LAB, 0, false);
        int flips = 0;
        for (String name : files.names()) {
            byte[] original = files.bytes(name);
            for (int i = 0; i < original.length; i++) {
                byte[] flipped = original.clone();
                flipped[i] ^= 0x01;
                Files.write(copy.resolve(name), flipped);
                int at = i;
                org.junit.jupiter.api.Assertions.assertThrows(org.gapdesk.lab.BundleRejectedException.class,
                        () -> lab.verify(copy, BundleFixture.LAB, 0, false),
                        () -> "lab reference accepted " + name + " with byte " + at + " flipped");
                flips++;
            }
            Files.write(copy.resolve(name), original);
        }
        assertEquals(files.names().stream().mapToLong(files::size).sum(), flips);
    }

    @Test
    void opensslRejectsEveryFlippedManifestAndSignatureByte() throws Exception {
        Path work = Files.createDirectories(dir.resolve("openssl-sig"));
        Files.copy(bundle.resolve(BundleFormat.MANIFEST), work.resolve("manifest.json"));
        Files.copy(bundle.resolve(BundleFormat.SIGNATURE), work.resolve("manifest.sig"));
        int manifests = writeFlipped(BundleFormat.MANIFEST, work.resolve("m"));
        int signatures = writeFlipped(BundleFormat.SIGNATURE, work.resolve("s"));
        String script = """
                cd "$1"
                openssl dgst -sha256 -verify ../pub.pem -signature manifest.sig manifest.json >/dev/null 2>&1 \\
                    || echo "ORIGINAL-REJECTED"
                n=0
                for f in m/*; do
                    n=$((n+1))
                    if openssl dgst -sha256 -verify ../pub.pem -signature manifest.sig "$f" >/dev/null 2>&1; then
                        echo "ACCEPTED $f"
                    fi
                done
                for f in s/*; do
                    n=$((n+1))
                    if openssl dgst -sha256 -verify ../pub.pem -signature "$f" manifest.json >/dev/null 2>&1; then
                        echo "ACCEPTED $f"
                    fi
                done
                echo "CHECKED $n"
                """;
        String out = sh(script, work);
        assertFalse(out.contains("ORIGINAL-REJECTED"), out);
        assertFalse(out.contains("ACCEPTED"), out);
        assertTrue(out.contains("CHECKED " + (manifests + signatures)), out);
    }

    @Test
    void opensslDigestsOfEveryFlippedDataFileDifferFromTheManifest() throws Exception {
        Path work = Files.createDirectories(dir.resolve("openssl-hash"));
        Map<String, String> listed = new HashMap<>();
        int total = 0;
        for (Manifest.FileInfo info : manifest.files()) {
            total += writeFlipped(info.name(), work.resolve(info.name()));
            listed.put(info.name(), info.sha256());
        }
        // One openssl process digests many files: xargs batches them.
        String out = sh("cd \"$1\" && find . -type f -print0 | sort -z | xargs -0 openssl dgst -sha256 -r", work);
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(total, lines.size(), "one digest per flipped copy");
        List<String> accepted = new ArrayList<>();
        for (String line : lines) {
            String digest = line.substring(0, 64);
            String path = line.substring(66);
            String original = Path.of(path).getParent().getFileName().toString();
            if (digest.equals(listed.get(original))) {
                accepted.add(path);
            }
        }
        assertTrue(accepted.isEmpty(), "digests equal to the manifest's: " + accepted);
        // And the untouched files do match, so the comparison itself is right.
        String good = sh("cd \"$1\" && openssl dgst -sha256 -r README.txt confirmations.csv confirmations.json",
                bundle);
        for (String line : good.lines().toList()) {
            assertEquals(listed.get(line.substring(66)), line.substring(0, 64), line);
        }
    }

    /** Writes one copy of the named file per byte, that byte XOR 0x01, into {@code into}; returns how many. */
    private static int writeFlipped(String name, Path into) throws IOException {
        Files.createDirectories(into);
        byte[] original = files.bytes(name);
        for (int i = 0; i < original.length; i++) {
            byte[] flipped = original.clone();
            flipped[i] ^= 0x01;
            Files.write(into.resolve(String.format("%06d", i)), flipped);
        }
        return original.length;
    }

    static String sh(String script, Path arg) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script, "sh", arg.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "openssl script did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
