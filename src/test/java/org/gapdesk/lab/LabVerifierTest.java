package org.gapdesk.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.gapdesk.bundle.BundleEntry;
import org.gapdesk.bundle.BundleVerifier;
import org.gapdesk.bundle.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabVerifierTest {
    @TempDir
    Path dir;

    final List<BundleEntry> entries = LabTestKit.entries(1);
    final LabVerifier verifier = new LabVerifier(LabTestKit.pinned());

    Path bundle(long sequence) {
        return LabTestKit.writeBundle(dir, LabTestKit.LAB, sequence, entries, LabTestKit.key());
    }

    LabReason rejection(Path folder, long last) {
        return rejection(folder, LabTestKit.LAB, last);
    }

    LabReason rejection(Path folder, String lab, long last) {
        return assertThrows(BundleRejectedException.class, () -> verifier.verify(folder, lab, last, false))
                .reason();
    }

    @Test
    void aBundleOfThisKioskVerifiesAndGivesItsEntriesAndManifestHash() throws Exception {
        Path b = bundle(7);
        VerifiedBundle v = verifier.verify(b, LabTestKit.LAB, 6, false);
        assertEquals(7, v.sequence());
        assertEquals("kiosk-1", v.kioskId());
        assertEquals(LabTestKit.pinned().fingerprint(), v.keyFingerprint());
        assertFalse(v.sequenceOverride());
        assertEquals(3, v.entries().size());
        assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(b.resolve("manifest.json")))), v.manifestSha256());
        BundleEntry first = entries.get(0);
        assertTrue(v.entries().stream().anyMatch(e -> e.requestId() == first.requestId()
                && e.installationId().equals(first.installationId())
                && e.confirmationId().equals(first.confirmationId())
                && e.activationId().equals(first.activationId())));
    }

    @Test
    void wrongKeyMissingExtraTruncatedAndOlderSequenceHaveDistinctReasons() throws Exception {
        Path other = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("other")), LabTestKit.LAB, 7,
                entries, LabTestKit.otherKey());
        LabReason wrongKey = rejection(other, 0);

        Path missing = bundle(7);
        Files.delete(missing.resolve("README.txt"));
        LabReason missingFile = rejection(missing, 0);

        Path extra = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("extra")), LabTestKit.LAB, 7,
                entries, LabTestKit.key());
        Files.writeString(extra.resolve("run-me.cmd"), "@echo off\r\n");
        LabReason extraFile = rejection(extra, 0);

        Path truncated = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("truncated")), LabTestKit.LAB,
                7, entries, LabTestKit.key());
        byte[] json = Files.readAllBytes(truncated.resolve("confirmations.json"));
        Files.write(truncated.resolve("confirmations.json"), Arrays.copyOf(json, json.length - 10));
        LabReason truncatedFile = rejection(truncated, 0);

        Path older = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("older")), LabTestKit.LAB, 7,
                entries, LabTestKit.key());
        LabReason olderSequence = rejection(older, 7);

        assertEquals(LabReason.SIGNED_BY_OTHER_KEY, wrongKey);
        assertEquals(LabReason.MISSING_FILE, missingFile);
        assertEquals(LabReason.EXTRA_FILE, extraFile);
        assertEquals(LabReason.SIZE_MISMATCH, truncatedFile);
        assertEquals(LabReason.SEQUENCE_NOT_NEWER, olderSequence);
        assertEquals(5, Set.of(wrongKey, missingFile, extraFile, truncatedFile, olderSequence).size());
    }

    @Test
    void theKiosksVerifierGivesTheSameCodesForTheSameFaults() throws Exception {
        Path older = bundle(3);
        VerificationResult kiosk = new BundleVerifier().verify(older, LabTestKit.key().publicKey(), LabTestKit.LAB,
                5L);
        assertFalse(kiosk.valid());
        assertEquals(kiosk.reason().code(), rejection(older, 5).code());
        Files.writeString(older.resolve("notes.txt"), "x");
        kiosk = new BundleVerifier().verify(older, LabTestKit.key().publicKey(), LabTestKit.LAB, 0L);
        assertEquals(kiosk.reason().code(), rejection(older, 0).code());
    }

    @Test
    void aChangedByteOfTheSameSizeIsAHashMismatchAndATamperedSignatureIsBad() throws Exception {
        Path b = bundle(2);
        flip(b.resolve("confirmations.csv"), 5);
        assertEquals(LabReason.HASH_MISMATCH, rejection(b, 0));
        Path s = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("s")), LabTestKit.LAB, 2, entries,
                LabTestKit.key());
        flip(s.resolve("manifest.sig"), 100);
        assertEquals(LabReason.BAD_SIGNATURE, rejection(s, 0));
        Path m = LabTestKit.writeBundle(Files.createDirectories(dir.resolve("m")), LabTestKit.LAB, 2, entries,
                LabTestKit.key());
        flip(m.resolve("manifest.json"), 40);
        assertEquals(LabReason.BAD_SIGNATURE, rejection(m, 0));
    }

    @Test
    void anotherLabAndMissingManifestOrSignatureAreRefused() throws Exception {
        Path b = bundle(1);
        assertEquals(LabReason.LAB_MISMATCH, rejection(b, "LAB-B", 0));
        Files.delete(b.resolve("manifest.sig"));
        assertEquals(LabReason.MISSING_SIGNATURE, rejection(b, 0));
        Files.delete(b.resolve("manifest.json"));
        assertEquals(LabReason.MISSING_MANIFEST, rejection(b, 0));
        assertEquals(LabReason.MISSING_MANIFEST, rejection(dir.resolve("nowhere"), 0));
    }

    @Test
    void anOlderSequenceIsAcceptedOnlyWithTheOverrideWhichIsRecorded() throws Exception {
        Path b = bundle(4);
        assertEquals(LabReason.SEQUENCE_NOT_NEWER, rejection(b, 4));
        VerifiedBundle v = verifier.verify(b, LabTestKit.LAB, 9, true);
        assertTrue(v.sequenceOverride());
        assertFalse(verifier.verify(b, LabTestKit.LAB, 3, true).sequenceOverride());
    }

    @Test
    void aSubfolderIsAnExtraFile() throws Exception {
        Path b = bundle(1);
        Files.createDirectory(b.resolve("tools"));
        assertEquals(LabReason.EXTRA_FILE, rejection(b, 0));
    }

    @Test
    void thePinnedKeyReadsBackFromPemAndFromDotNetXml() {
        PinnedKey pinned = LabTestKit.pinned();
        assertEquals(pinned, PinnedKey.fromPem(LabTestKit.key().publicKeyPem()));
        assertEquals(pinned, PinnedKey.fromXml(pinned.toXml()));
        assertTrue(pinned.toXml().matches("<RSAKeyValue><Modulus>[A-Za-z0-9+/=]{512}</Modulus>"
                + "<Exponent>AQAB</Exponent></RSAKeyValue>"), pinned.toXml());
        assertThrows(IllegalArgumentException.class, () -> PinnedKey.fromXml("<!DOCTYPE x><RSAKeyValue/>"));
    }

    @Test
    void reasonsAreDistinctCodes() {
        Set<String> codes = new java.util.HashSet<>();
        for (LabReason r : EnumSet.allOf(LabReason.class)) {
            assertTrue(codes.add(r.code()), r.code());
            assertTrue(r.code().matches("[a-z-]+"), r.code());
        }
    }

    static void flip(Path file, int at) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[at] ^= 0x01;
        Files.write(file, b);
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
