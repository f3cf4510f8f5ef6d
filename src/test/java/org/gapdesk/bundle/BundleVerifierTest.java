package org.gapdesk.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.signing.KeyFingerprint;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.signing.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a bundle is refused has its own reason code. */
class BundleVerifierTest {
    static final long SEQ = 7;
    static KioskKey key;
    static BundleFiles good;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        key = BundleFixture.key();
        good = bundle(SEQ, entries(5)).files();
    }

    static List<BundleEntry> entries(int n) {
        SyntheticIds ids = new SyntheticIds(11);
        List<BundleEntry> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new BundleEntry(i, String.format("PC-%03d", i), false, BundleFixture.WINDOWS_ID,
                    "55c92734-d682-4d71-983e-d6ec3f16059f", "Windows(R), Enterprise edition", ids.iid63(),
                    ids.cid48()));
        }
        return out;
    }

    static BundleBuilder.Built bundle(long sequence, List<BundleEntry> entries) {
        BundleHeader h = new BundleHeader("kiosk-1", KeyFingerprint.hex(key.publicKey()), BundleFixture.LAB, sequence,
                BundleFixture.NOW);
        return BundleBuilder.build(h, entries, key::sign);
    }

    VerificationReason reason(BundleFiles files) {
        return new BundleVerifier().verify(files, key.publicKey(), BundleFixture.LAB, SEQ - 1).reason();
    }

    /** The files with {@code name} replaced and the manifest updated and re-signed by {@code signer}. */
    static BundleFiles resigned(BundleFiles files, String name, byte[] bytes, KioskKey signer) throws Exception {
        Manifest m = Manifest.parse(files.bytes(BundleFormat.MANIFEST), BundleLimits.DEFAULT);
        List<Manifest.FileInfo> infos = m.files().stream().map(f -> f.name().equals(name)
                ? new Manifest.FileInfo(name, bytes.length, Sha256.hex(bytes)) : f).toList();
        byte[] mb = new Manifest(m.kioskId(), m.keyFingerprint(), m.lab(), m.sequence(), m.createdAt(), m.entryCount(),
                infos).toBytes();
        return files.with(name, bytes).with(BundleFormat.MANIFEST, mb).with(BundleFormat.SIGNATURE, signer.sign(mb));
    }

    static BundleFiles withManifest(BundleFiles files, String manifestText, KioskKey signer) {
        byte[] mb = manifestText.getBytes(StandardCharsets.UTF_8);
        return files.with(BundleFormat.MANIFEST, mb).with(BundleFormat.SIGNATURE, signer.sign(mb));
    }

    static String text(BundleFiles files, String name) {
        return new String(files.bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void aGoodBundleIsValidAndCarriesItsEntries() {
        VerificationResult v = new BundleVerifier().verify(good, key.publicKey(), BundleFixture.LAB, SEQ - 1);
        assertTrue(v.valid(), v.message());
        assertEquals(5, v.confirmations().entries().size());
        assertEquals(SEQ, v.manifest().sequence());
        assertEquals(Sha256.hex(good.bytes(BundleFormat.MANIFEST)), v.manifestSha256());
        assertTrue(new BundleVerifier().verify(good, key.publicKey(), null, null).valid());
    }

    @Test
    void wrongKeyIsSignedByOtherKey() {
        VerificationResult v = new BundleVerifier().verify(good, BundleFixture.otherKey().publicKey(), null, null);
        assertEquals(VerificationReason.SIGNED_BY_OTHER_KEY, v.reason(), v.message());
    }

    @Test
    void anotherKeyClaimingTheTrustedFingerprintIsABadSignature() {
        byte[] mb = good.bytes(BundleFormat.MANIFEST);
        BundleFiles forged = good.with(BundleFormat.SIGNATURE, BundleFixture.otherKey().sign(mb));
        assertEquals(VerificationReason.BAD_SIGNATURE, reason(forged));
    }

    @Test
    void aChangedManifestIsABadSignature() {
        String m = text(good, BundleFormat.MANIFEST).replace("\"entryCount\": 5", "\"entryCount\": 4");
        assertEquals(VerificationReason.BAD_SIGNATURE, reason(good.with(BundleFormat.MANIFEST,
                m.getBytes(StandardCharsets.UTF_8))));
        assertEquals(VerificationReason.BAD_SIGNATURE, reason(good.with(BundleFormat.SIGNATURE, new byte[384])));
        assertEquals(VerificationReason.BAD_SIGNATURE, reason(good.with(BundleFormat.SIGNATURE, new byte[0])));
    }

    @Test
    void missingManifestAndMissingSignature() {
        assertEquals(VerificationReason.MISSING_MANIFEST, reason(good.without(BundleFormat.MANIFEST)));
        assertEquals(VerificationReason.MISSING_SIGNATURE, reason(good.without(BundleFormat.SIGNATURE)));
    }

    @Test
    void missingFileExtraFileTruncatedFileChangedFile() {
        assertEquals(VerificationReason.MISSING_FILE, reason(good.without(BundleFormat.CONFIRMATIONS_CSV)));
        assertEquals(VerificationReason.EXTRA_FILE, reason(good.with("apply.cmd", "@echo off\r\n".getBytes(
                StandardCharsets.US_ASCII))));
        byte[] json = good.bytes(BundleFormat.CONFIRMATIONS_JSON);
        assertEquals(VerificationReason.SIZE_MISMATCH, reason(good.with(BundleFormat.CONFIRMATIONS_JSON,
                Arrays.copyOf(json, json.length - 10))));
        byte[] readme = good.bytes(BundleFormat.README);
        readme[readme.length - 2] = 'X';
        assertEquals(VerificationReason.HASH_MISMATCH, reason(good.with(BundleFormat.README, readme)));
    }

    @Test
    void olderOrEqualSequenceIsNotNewerAndLabMustMatch() {
        BundleVerifier v = new BundleVerifier();
        assertEquals(VerificationReason.SEQUENCE_NOT_NEWER, v.verify(good, key.publicKey(), null, SEQ).reason());
        assertEquals(VerificationReason.SEQUENCE_NOT_NEWER, v.verify(good, key.publicKey(), null, SEQ + 5).reason());
        assertTrue(v.verify(good, key.publicKey(), null, SEQ - 1).valid());
        assertTrue(v.verify(good, key.publicKey(), null, 0L).valid());
        assertEquals(VerificationReason.LAB_MISMATCH, v.verify(good, key.publicKey(), "LAB-B", null).reason());
        assertEquals(VerificationReason.LAB_MISMATCH, v.verify(good, key.publicKey(), "lab-a", null).reason());
    }

    @Test
    void signedManifestsOfAnotherVersionOrFormAreRefused() {
        String m = text(good, BundleFormat.MANIFEST);
        assertEquals(VerificationReason.UNSUPPORTED_VERSION, reason(withManifest(good,
                m.replace("\"version\": 1", "\"version\": 2"), key)));
        assertEquals(VerificationReason.UNSUPPORTED_VERSION, reason(withManifest(good,
                m.replace("gapdesk-bundle", "other-bundle"), key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good,
                m.replace("\"sequence\": 7", "\"sequence\": \"7\""), key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good,
                m.replace("\"lab\": ", "\"extra\": 1,\n  \"lab\": "), key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good,
                m.replace("\"lab\": ", "\"lab\": \"X\",\n  \"lab\": "), key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good, m + "{}", key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good, "not json", key)));
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good,
                m.replace("\"name\": \"README.txt\"", "\"name\": \"../README.txt\""), key)));
        // A genuinely signed manifest naming a key other than the one that signed it.
        assertEquals(VerificationReason.MALFORMED_MANIFEST, reason(withManifest(good,
                m.replace(KeyFingerprint.hex(key.publicKey()), "A".repeat(64)), key)));
    }

    @Test
    void signedButInconsistentConfirmations() throws Exception {
        String json = text(good, BundleFormat.CONFIRMATIONS_JSON);
        assertEquals(VerificationReason.MALFORMED_CONFIRMATIONS, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                "[]".getBytes(StandardCharsets.UTF_8), key)));
        assertEquals(VerificationReason.MALFORMED_CONFIRMATIONS, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace("\"alias\": false", "\"alias\": \"no\"").getBytes(StandardCharsets.UTF_8), key)));
        assertEquals(VerificationReason.MALFORMED_CONFIRMATIONS, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace("\"requestId\": 2,", "\"requestId\": 1,").getBytes(StandardCharsets.UTF_8), key)));
        assertEquals(VerificationReason.ENTRIES_MISMATCH, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace("\"sequence\": 7", "\"sequence\": 6").getBytes(StandardCharsets.UTF_8), key)));
        assertEquals(VerificationReason.ENTRIES_MISMATCH, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace("\"lab\": \"LAB-A\"", "\"lab\": \"LAB-B\"").getBytes(StandardCharsets.UTF_8), key)));
        // Four entries where the manifest says five.
        BundleFiles four = bundle(SEQ, entries(4)).files();
        assertEquals(VerificationReason.ENTRIES_MISMATCH, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                four.bytes(BundleFormat.CONFIRMATIONS_JSON), key)));
        // The CSV of other entries.
        assertEquals(VerificationReason.CSV_MISMATCH, reason(resigned(good, BundleFormat.CONFIRMATIONS_CSV,
                four.bytes(BundleFormat.CONFIRMATIONS_CSV), key)));
    }

    @Test
    void invalidIdsAreRefused() throws Exception {
        BundleEntry e = entries(1).get(0);
        String json = text(good, BundleFormat.CONFIRMATIONS_JSON);
        String iid = json.substring(json.indexOf("\"installationId\": \"") + 19).substring(0, 63);
        char last = iid.charAt(62);
        String badIid = iid.substring(0, 62) + (char) (last == '0' ? '1' : last - 1);
        assertEquals(VerificationReason.INVALID_ID, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace(iid, badIid).getBytes(StandardCharsets.UTF_8), key)));
        String grouped = String.join("-", iid.split("(?<=\\G.{7})"));
        assertEquals(VerificationReason.INVALID_ID, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace(iid, grouped).getBytes(StandardCharsets.UTF_8), key)));
        String cid = e.confirmationId();
        assertEquals(VerificationReason.INVALID_ID, reason(resigned(good, BundleFormat.CONFIRMATIONS_JSON,
                json.replace(cid, cid.substring(0, 47)).getBytes(StandardCharsets.UTF_8), key)));
    }

    @Test
    void aCidFailingItsCheckDigitIsAcceptedBecauseTheOperatorMayOverrideIt() {
        BundleEntry e = entries(1).get(0);
        String cid = e.confirmationId();
        String failing = cid.substring(0, 5) + (char) ('0' + (cid.charAt(5) - '0' + 1) % 7) + cid.substring(6);
        BundleEntry overridden = new BundleEntry(e.requestId(), e.machine(), e.alias(), e.activationId(),
                e.applicationId(), e.product(), e.installationId(), failing);
        VerificationResult v = new BundleVerifier().verify(bundle(SEQ, List.of(overridden)).files(), key.publicKey(),
                null, null);
        assertTrue(v.valid(), v.message());
    }

    @Test
    void folderChecks() throws Exception {
        Path folder = dir.resolve("b");
        BundleFolder.write(folder, good);
        BundleVerifier v = new BundleVerifier();
        assertTrue(v.verify(folder, key.publicKey(), BundleFixture.LAB, SEQ - 1).valid());
        assertTrue(v.verify(folder.resolve(BundleFormat.MANIFEST), key.publicKey(), null, null).valid());
        Files.createDirectory(folder.resolve("sub"));
        assertEquals(VerificationReason.EXTRA_FILE, v.verify(folder, key.publicKey(), null, null).reason());
        Files.delete(folder.resolve("sub"));
        Files.createSymbolicLink(folder.resolve("link"), folder.resolve(BundleFormat.README));
        assertEquals(VerificationReason.EXTRA_FILE, v.verify(folder, key.publicKey(), null, null).reason());
        Files.delete(folder.resolve("link"));
        Files.write(folder.resolve(BundleFormat.README), new byte[70 * 1024]);
        assertEquals(VerificationReason.TOO_LARGE, v.verify(folder, key.publicKey(), null, null).reason());
        assertEquals(VerificationReason.NOT_A_BUNDLE, v.verify(dir.resolve("none"), key.publicKey(), null, null)
                .reason());
        Path text = Files.writeString(dir.resolve("x.txt"), "hello");
        assertEquals(VerificationReason.NOT_A_BUNDLE, v.verify(text, key.publicKey(), null, null).reason());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(VerificationReason.MISSING_MANIFEST, v.verify(empty, key.publicKey(), null, null).reason());
    }

    @Test
    void aZipOfTheBundleVerifiesAndReadsBackTheSameFiles() throws Exception {
        byte[] zip = BundleZip.write(good);
        assertTrue(BundleZip.read(zip, BundleLimits.DEFAULT).sameAs(good));
        Path file = Files.write(dir.resolve("b.zip"), zip);
        VerificationResult r = new BundleVerifier().verify(file, key.publicKey(), BundleFixture.LAB, SEQ - 1);
        assertTrue(r.valid(), r.message());
        assertTrue(Arrays.equals(zip, BundleZip.write(BundleZip.read(zip, BundleLimits.DEFAULT))),
                "the same files give the same zip bytes");
    }

    @Test
    void zipEntriesWithPathsOrTwiceAreUnsafe() throws Exception {
        for (String name : List.of("../manifest.json", "sub/README.txt", "sub\\README.txt", "/etc/passwd", "C:x",
                "..", "a\u0000b")) {
            byte[] zip = zip(List.of(name), 10);
            assertEquals(VerificationReason.UNSAFE_ARCHIVE, zipReason(zip), name);
        }
        byte[] twice = zip(List.of("manifest.json", "manifest.jsoX"), 10);
        replace(twice, "manifest.jsoX", "manifest.json");
        assertEquals(VerificationReason.UNSAFE_ARCHIVE, zipReason(twice));
    }

    @Test
    void zipBombsAndTooManyEntriesAreTooLarge() throws Exception {
        BundleLimits small = new BundleLimits(16, 64 * 1024, 2048, 64 * 1024, 1 << 20, 64 * 1024, 3L << 20, 1000);
        byte[] bomb = zip(List.of(BundleFormat.CONFIRMATIONS_JSON), 2 << 20);
        assertTrue(bomb.length < 20_000, "a small zip that inflates to 2 MiB: " + bomb.length);
        assertEquals(VerificationReason.TOO_LARGE, zipReason(bomb, small));
        List<String> parts = List.of("confirmations.json", "confirmations.csv", "README.txt", "a", "b", "c", "d");
        byte[] total = zip(parts.subList(0, 2), 1000 * 1024);
        assertTrue(zipReason(total, small) != VerificationReason.TOO_LARGE, "two files under every limit");
        BundleLimits tinyTotal = new BundleLimits(16, 64 * 1024, 2048, 64 * 1024, 1 << 20, 64 * 1024, 1500 * 1024,
                1000);
        assertEquals(VerificationReason.TOO_LARGE, zipReason(total, tinyTotal));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("f" + i);
        }
        assertEquals(VerificationReason.TOO_LARGE, zipReason(zip(many, 1)));
    }

    @Test
    void brokenZipsAreRefusedNotThrown() throws Exception {
        byte[] zip = BundleZip.write(good);
        byte[] cut = Arrays.copyOf(zip, zip.length / 2);
        VerificationReason r = zipReason(cut);
        assertTrue(r != VerificationReason.VALID, r.toString());
        byte[] notZip = "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(zipReason(notZip) != VerificationReason.VALID);
    }

    private VerificationReason zipReason(byte[] zip) throws IOException {
        return zipReason(zip, BundleLimits.DEFAULT);
    }

    private VerificationReason zipReason(byte[] zip, BundleLimits limits) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "z", ".zip"), zip);
        return new BundleVerifier(limits).verify(file, key.publicKey(), null, null).reason();
    }

    /** A deflated zip with these entry names, each holding {@code size} zero bytes. */
    private static byte[] zip(List<String> names, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            byte[] chunk = new byte[64 * 1024];
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                for (int left = size; left > 0; left -= chunk.length) {
                    z.write(chunk, 0, Math.min(left, chunk.length));
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void replace(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, data, i, t.length);
            }
        }
    }
}
