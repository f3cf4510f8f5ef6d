package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.bundle.BundleFormat;
import org.gapdesk.bundle.BundleVerifier;
import org.gapdesk.bundle.VerificationResult;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.lab.LabApplier;
import org.gapdesk.lab.LabApplyRun;
import org.gapdesk.lab.LabTestKit;
import org.gapdesk.lab.LabVerifier;
import org.gapdesk.lab.PinnedKey;
import org.gapdesk.lab.SimulatedLab;
import org.gapdesk.lab.VerifiedBundle;
import org.gapdesk.signing.KeyFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle, toolkit and key pages and the bundle API over HTTP: an exported bundle verifies with the Java
 * verifier and the lab reference against the key the kiosk's key page gives; writing to a USB folder stays
 * inside the mount roots; the toolkit zip holds what the lab needs; only an admin rotates the key.
 */
class BundlePagesIT {
    @TempDir
    Path home;
    @TempDir
    Path media;
    @TempDir
    Path work;

    private BundleFixture f;
    private SimulatedLab lab;

    @BeforeEach
    void start() {
        f = BundleFixture.start(home, media);
        lab = BundleFixture.lab(new SyntheticIds(4242));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Imports the lab's request file over HTTP and keys Microsoft's CID for each request. */
    private List<ActivationRequest> importAndConfirm() {
        HttpResponse<String> r = f.operator.postMultipart("/api/import/commit", new WebClient.Multipart()
                .file("files", "gapdesk-request-LAB-A.json", BundleFixture.requestFile(lab)));
        assertEquals(200, r.statusCode(), r.body());
        List<ActivationRequest> all = f.kiosk.requests().list(BundleFixture.LAB, null, null, 100);
        assertEquals(5, all.size());
        for (ActivationRequest q : all) {
            assertEquals(ConfirmStatus.STORED, f.kiosk.confirmations().confirm(q.id(),
                    lab.issuedCid(q.iid().digits()), false, false, f.operator.name()).status());
        }
        return all;
    }

    @Test
    void anExportOverTheApiIsABundleBothVerifiersAcceptAgainstTheKeyFromTheKeyPage() throws Exception {
        importAndConfirm();
        HttpResponse<String> made = f.operator.postJson("/api/bundles", "{\"lab\":\"LAB-A\"}");
        assertEquals(201, made.statusCode(), made.body());
        JsonNode b = WebClient.json(made);
        assertEquals(1, b.get("sequence").asInt());
        assertEquals(5, b.get("entryCount").asInt());
        assertEquals("WRITTEN", b.get("status").asText());
        assertEquals(5, b.get("exportedRequestIds").size());
        String link = b.get("download").asText();
        assertEquals("/api/bundles/" + b.get("id").asLong() + ".zip", link);
        assertEquals(5, f.kiosk.requests().list(BundleFixture.LAB, RequestState.EXPORTED, null, 100).size());

        HttpResponse<byte[]> zip = f.bytes(f.operator, link);
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("")
                .contains("gapdesk-bundle-LAB-A-1"), zip.headers().toString());
        assertArrayEquals(zip.body(), f.bytes(f.operator, link).body(), "the same bytes every time");
        assertArrayEquals(zip.body(), f.bytes(f.operator, "/bundles/" + b.get("id").asLong() + ".zip").body(),
                "the page's download is the same zip");

        HttpResponse<String> pem = f.operator.get("/key/kiosk-public.pem");
        assertEquals(200, pem.statusCode());
        PinnedKey pinned = PinnedKey.fromPem(pem.body());
        assertEquals(b.get("keyFingerprint").asText(), pinned.fingerprint());

        Path zipFile = Files.write(work.resolve("bundle.zip"), zip.body());
        VerificationResult java = new BundleVerifier().verify(zipFile, pinned.key(), BundleFixture.LAB, 0L);
        assertTrue(java.valid(), java.message());
        Path folder = BundleFixture.unzipTo(zip.body(), work.resolve(BundleFormat.folderName(BundleFixture.LAB, 1)));
        VerifiedBundle labSide = new LabVerifier(pinned).verify(folder, BundleFixture.LAB, 0, false);
        assertEquals(5, labSide.entries().size());
        assertEquals(b.get("manifestSha256").asText(), zip.headers().firstValue("X-Gapdesk-Manifest-Sha256")
                .orElse(""));

        HttpResponse<String> meta = f.operator.get("/api/bundles/" + b.get("id").asLong());
        assertEquals(b.get("manifestSha256").asText(), WebClient.json(meta).get("manifestSha256").asText());
        // Nothing left to export: 409 with the exporter's words, no number used.
        HttpResponse<String> none = f.operator.postJson("/api/bundles", "{\"lab\":\"LAB-A\"}");
        assertEquals(409, none.statusCode(), none.body());
        assertTrue(WebClient.json(none).get("message").asText().contains("nothing to export"), none.body());
        assertEquals(404, f.operator.get("/api/bundles/99.zip").statusCode());
        assertEquals(400, f.operator.get("/api/bundles/..%2F1.zip").statusCode());
        assertEquals(400, f.operator.postJson("/api/bundles", "{\"lab\":\"LAB-Z\"}").statusCode());
        // The bundles page lists it with its digest and key.
        String page = f.operator.get("/bundles").body();
        assertTrue(page.contains(b.get("manifestSha256").asText().substring(0, 12)), page);
        assertTrue(page.contains(KeyFingerprint.group(pinned.fingerprint())), page);
    }

    @Test
    void writingToAUsbFolderIsVerifiedAndConfinedToTheMountRoots() throws Exception {
        importAndConfirm();
        Path stick = Files.createDirectories(media.resolve("kiosk/STICK"));
        Path outside = Files.createDirectories(work.resolve("outside"));
        Path link = Files.createSymbolicLink(media.resolve("kiosk/link"), outside);
        String page = f.operator.get("/bundles").body();
        assertTrue(page.contains("value=\"0:kiosk/STICK\""), page);
        assertTrue(page.contains("LAB-A — Lab A · 5 confirmed waiting"), page);
        assertFalse(page.contains("0:kiosk/link"), "symbolic links are not offered");

        for (String bad : List.of("0:../outside", "0:kiosk/../../outside", "0:kiosk/link", "0:/etc", "1:",
                "0:kiosk\\STICK", "x", "0:kiosk/STICK/nope")) {
            HttpResponse<String> r = f.operator.postFields("/bundles/export", Map.of("lab", "LAB-A", "to", "usb",
                    "folder", bad));
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("USB folder"), r.body());
        }
        assertTrue(f.kiosk.bundles().bundles(null).isEmpty(), "a refused folder uses no bundle number");
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
        Files.delete(link);

        HttpResponse<String> r = f.operator.postFields("/bundles/export", Map.of("lab", "LAB-A", "to", "usb",
                "folder", "0:kiosk/STICK"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"bundle-done\"") && r.body().contains("verified"), r.body());
        Path written = stick.resolve(BundleFormat.folderName("LAB-A", 1));
        assertTrue(new BundleVerifier().verify(written, f.kiosk.key().publicKey(), "LAB-A", 0L).valid());

        // Written again, by id, into another folder: the same bytes.
        Path other = Files.createDirectories(media.resolve("other"));
        long id = f.kiosk.bundles().bundles("LAB-A").get(0).id();
        HttpResponse<String> again = f.operator.postFields("/bundles/" + id + "/write", Map.of("folder", "0:other"));
        assertEquals(200, again.statusCode(), again.body());
        for (String name : BundleFormat.ALL_FILES) {
            assertArrayEquals(Files.readAllBytes(written.resolve(name)),
                    Files.readAllBytes(other.resolve(BundleFormat.folderName("LAB-A", 1)).resolve(name)), name);
        }
        assertEquals(400, f.operator.postFields("/bundles/" + id + "/write", Map.of("folder", "0:../outside"))
                .statusCode());
        // Nothing left: the page says so (409) and no number is used.
        HttpResponse<String> none = f.operator.postFields("/bundles/export", Map.of("lab", "LAB-A", "to", "usb",
                "folder", "0:"));
        assertEquals(409, none.statusCode());
        assertEquals(1, f.kiosk.bundles().bundles(null).size());
    }

    @Test
    void theToolkitZipHoldsTheQrPageAndThePinnedKeyAndMatchesTheShownDigest() throws Exception {
        String page = f.operator.get("/toolkit").body();
        String fingerprint = f.kiosk.key().fingerprint();
        assertTrue(page.contains(fingerprint), page);
        HttpResponse<byte[]> zip = f.bytes(f.operator, "/toolkit/download?lab=LAB-A");
        assertEquals(200, zip.statusCode());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.body()));
        assertTrue(page.contains(sha), "the page shows the download's SHA-256");
        Map<String, byte[]> files = BundleFixture.unzip(zip.body());
        assertTrue(files.containsKey("Show-GapdeskQr.html"), files.keySet().toString());
        String pem = f.operator.get("/key/kiosk-public.pem").body();
        assertEquals(PinnedKey.fromPem(pem), PinnedKey.fromPem(new String(files.get("kiosk-public.pem"),
                StandardCharsets.US_ASCII)));
        assertTrue(new String(files.get("gapdesk-toolkit.json"), StandardCharsets.UTF_8).contains("LAB-A"));
        assertArrayEquals(zip.body(), f.bytes(f.operator, "/toolkit/download?lab=LAB-A").body());
        assertEquals(400, f.bytes(f.operator, "/toolkit/download?lab=LAB-Z").statusCode());
        assertEquals(200, f.bytes(f.operator, "/toolkit/download").statusCode());
    }

    @Test
    void theKeyPageShowsTheKeyAndOnlyAnAdminRotatesItOnTheRecord() {
        String before = f.kiosk.key().fingerprint();
        String page = f.operator.get("/key").body();
        assertTrue(page.contains(before) && page.contains("RSA-3072"), page);
        assertFalse(page.contains("/admin/key/rotate"), "operators are not offered rotation");
        assertTrue(f.operator.get("/key/kiosk-certificate.pem").body().startsWith("-----BEGIN CERTIFICATE-----"));

        HttpResponse<String> refused = f.operator.postFields("/admin/key/rotate", Map.of("confirm", "yes"));
        assertEquals(403, refused.statusCode());
        assertEquals(before, f.kiosk.key().fingerprint());
        assertEquals(400, f.admin.postFields("/admin/key/rotate", Map.of()).statusCode(), "needs the tick");
        assertEquals(before, f.kiosk.key().fingerprint());

        HttpResponse<String> rotated = f.admin.postFields("/admin/key/rotate", Map.of("confirm", "yes"));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String after = f.kiosk.key().fingerprint();
        assertNotEquals(before, after);
        assertTrue(rotated.body().contains(after), rotated.body());
        assertTrue(f.kiosk.audit().latest(20).stream().anyMatch(e -> e.action().equals("key.rotated")
                && e.operator().equals("Ada Admin")), "the rotation is in the audit chain");
        assertTrue(f.operator.get("/key").body().contains(after));
    }

    @Test
    void everyPageIsInTheNavigationAndCarriesNoInlineScript() {
        for (String path : List.of("/bundles", "/receipts", "/toolkit", "/key")) {
            HttpResponse<String> r = f.operator.get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("<a href=\"" + path + "\" aria-current=\"page\">"), path);
            assertFalse(r.body().contains("style=\"") || r.body().contains("onclick") || r.body().contains("<script>"),
                    path);
        }
        assertEquals(LabTestKit.LAB, BundleFixture.LAB);
    }

    @Test
    void resultsFilesPickedOnTheUsbDriveArePreviewedThenImported() throws Exception {
        importAndConfirm();
        JsonNode b = WebClient.json(f.operator.postFields("/api/bundles", Map.of("lab", "LAB-A")));
        PinnedKey pinned = PinnedKey.fromPem(f.operator.get("/key/kiosk-public.pem").body());
        Path folder = BundleFixture.unzipTo(f.bytes(f.operator, b.get("download").asText()).body(),
                work.resolve(BundleFormat.folderName("LAB-A", 1)));
        Path stick = Files.createDirectories(media.resolve("STICK"));
        LabApplyRun.Outcome applied = LabApplyRun.run(new LabApplyRun.Options(folder, "LAB-A",
                work.resolve("state.json"), stick, "run-1", false, LabApplier.Scope.MACHINE_LIST, null), pinned, lab,
                Clock.fixed(LabTestKit.NOW, ZoneOffset.UTC));
        String id = "0:STICK/" + applied.resultsPath().getFileName();
        String page = f.operator.get("/receipts").body();
        assertTrue(page.contains("value=\"" + id + "\" id=\"usb-0\" checked>"), "a new results file is ticked: " + page);

        assertEquals(400, f.operator.postMultipart("/receipts/preview", new WebClient.Multipart()
                .field("file", "0:../" + applied.resultsPath().getFileName())).statusCode(), "outside the root");
        HttpResponse<String> held = f.operator.postMultipart("/receipts/preview", new WebClient.Multipart()
                .field("file", id));
        assertEquals(303, held.statusCode(), held.body());
        String preview = f.operator.get(WebClient.location(held)).body();
        assertTrue(preview.contains("Preview receipts") && preview.contains("PC-004"), preview);
        assertEquals(5, f.kiosk.requests().list("LAB-A", RequestState.EXPORTED, null, 100).size(), "nothing stored");
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
                .matcher(preview);
        assertTrue(t.find());
        HttpResponse<String> done = f.operator.postFields("/receipts/commit", Map.of("token", t.group(1)));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("5 applied"), done.body());
        assertEquals(5, f.kiosk.requests().list("LAB-A", RequestState.APPLIED, null, 100).size());
        assertEquals(404, f.operator.postFields("/receipts/commit", Map.of("token", t.group(1))).statusCode(),
                "a preview is imported once");
        String again = f.operator.get("/receipts").body();
        assertTrue(again.contains("value=\"" + id + "\" id=\"usb-0\">"), "imported: no longer ticked: " + again);
        assertTrue(again.contains("imported before</span>"), again);
    }
}
