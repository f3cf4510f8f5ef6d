package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.Verdict;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.signing.KeyFingerprint;

/**
 * The kiosk-side verifier on mutated bundle zips, zip bombs, path traversal and hostile entry names. Each ends
 * in a verdict with a reason and a message (never an exception); a zip that verifies holds exactly the signed files.
 */
@AddLifecycleHook(FuzzTries.class)
class BundleVerifierFuzzTest {
    static Path dir;
    static BundleFiles files;
    static byte[] zip;
    static PublicKey key;
    static int counter;

    @BeforeContainer
    static void buildTheSeedZip() throws IOException {
        dir = Files.createTempDirectory("bundle-fuzz");
        key = LabTestKit.key().publicKey();
        BundleHeader header = new BundleHeader("kiosk-1", KeyFingerprint.hex(key), LabTestKit.LAB, 7, LabTestKit.NOW);
        files = BundleBuilder.build(header, LabTestKit.entries(5), LabTestKit.key()::sign).files();
        zip = BundleZip.write(files);
    }

    @AfterContainer
    static void remove() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    static VerificationResult verify(byte[] bytes) throws IOException {
        Path f = dir.resolve("b" + (counter++) + ".zip");
        Files.write(f, bytes);
        try {
            VerificationResult v = Verdict.of(RuntimeException.class,
                    () -> new BundleVerifier().verify(f, key, LabTestKit.LAB, 6L)).value();
            assertNotNull(v, "the verifier threw");
            assertNotNull(v.reason());
            if (v.valid()) {
                assertTrue(new BundleVerifier().read(f).sameAs(files), "a zip that verifies holds the signed files");
            } else {
                assertFalse(v.message() == null || v.message().isBlank());
            }
            return v;
        } catch (BundleFormatException e) {
            throw new AssertionError("verified, then unreadable", e);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Example
    void theSeedVerifies() throws IOException {
        assertTrue(verify(zip).valid());
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Mutator.mutants(List.of(zip));
    }

    @Property(tries = 500)
    void mutatedZipsAreRefusedWithAReasonOrHoldTheSignedFiles(@ForAll("mutants") byte[] bytes) throws IOException {
        verify(bytes);
    }

    @Property(tries = 300)
    void aMutatedFileRezippedIsRefused(@ForAll("names") String name, @ForAll long seed) throws IOException {
        byte[] original = files.bytes(name);
        byte[] changed = Mutator.mutate(original, new Random(seed), 1 + (int) Math.floorMod(seed, 3L));
        VerificationResult v = verify(BundleZip.write(files.with(name, changed)));
        assertEquals(java.util.Arrays.equals(original, changed), v.valid(), () -> name + ": " + v.message());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(files.names().stream().sorted().toList());
    }

    @Provide
    Arbitrary<String> hostileNames() {
        return Arbitraries.of("../../../etc/passwd", "/etc/passwd", "..", ".", "", "a/b", "a\\b", "C:\\x", "C:x",
                "sub/", "confirmations.json\u0000.txt", "x".repeat(300), "..\\..\\Windows\\win.ini", "run.ps1",
                "manifest.json", "\u202Eexe.txt", "nul", "confirmations.json ");
    }

    @Property(tries = 100)
    void hostileEntryNamesAreRefused(@ForAll("hostileNames") String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : files.names().stream().sorted().toList()) {
                z.putNextEntry(new ZipEntry(n));
                z.write(files.bytes(n));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (java.util.zip.ZipException duplicate) {
            return; // the JDK refuses to write the same name twice; the reader's check is covered by raw mutation
        }
        VerificationResult v = verify(out.toByteArray());
        assertFalse(v.valid(), name);
    }

    @Example
    void zipBombsAreRefusedBeforeTheyInflate() throws IOException {
        // one entry inflating past the per-file limit, and many entries past the count limit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("confirmations.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(out.size() < 200_000, "the bomb is small on disk");
        VerificationResult v = verify(out.toByteArray());
        assertEquals(VerificationReason.TOO_LARGE, v.reason(), v.message());

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(many)) {
            for (int i = 0; i < 10_000; i++) {
                z.putNextEntry(new ZipEntry("f" + i));
                z.closeEntry();
            }
        }
        assertEquals(VerificationReason.TOO_LARGE, verify(many.toByteArray()).reason());

        // a zip inside the zip is just an unlisted file
        Map<String, byte[]> nested = new java.util.TreeMap<>();
        for (String n : files.names()) {
            nested.put(n, files.bytes(n));
        }
        nested.put("inner.zip", zip);
        assertFalse(verify(BundleZip.write(new BundleFiles(nested))).valid());
    }
}
