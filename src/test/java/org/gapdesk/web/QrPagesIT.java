package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gapdesk.activation.TestIds;
import org.gapdesk.qr.QrRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QR page over HTTP: photos, scanner lines and paste end in the import preview and confirm; bad input stores nothing. */
class QrPagesIT {
    @TempDir
    Path home;

    private CallModeFixture kiosk;
    private SignedInClient op;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        kiosk = CallModeFixture.start(home, 0, null);
        op = kiosk.operator();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void photosCompleteAMessageAndTheSameImportPreviewAndConfirmStoreIt() {
        QrRequest request = QrFixture.lab(10, 7L);
        List<String> parts = QrFixture.parts(request, 200);
        assertTrue(parts.size() >= 4, parts.size() + " parts");
        int half = parts.size() / 2;

        WebClient.Multipart first = new WebClient.Multipart();
        for (int i = 0; i < half; i++) {
            first.file("photos", "IMG_" + i + ".jpg", QrFixture.encode(QrFixture.photo(parts.get(i), 900, 700), "jpg"));
        }
        first.file("photos", "blank.png", QrFixture.encode(new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png"));
        assertEquals(303, op.postMultipart("/qr/photos", first).statusCode());
        JsonNode status = status();
        assertEquals("scanning", status.get("state").asText());
        assertTrue(status.get("progress").asText().startsWith(half + " of " + parts.size() + " parts, missing "),
                status.toString());
        assertTrue(status.get("html").asText().contains("blank.png: no QR code found"), status.toString());

        WebClient.Multipart rest = new WebClient.Multipart();
        for (int i = half; i < parts.size(); i++) {
            rest.file("photos", "IMG_" + i + ".png", QrFixture.encode(QrFixture.photo(parts.get(i), 900, 700), "png"));
        }
        rest.file("photos", "again.png", QrFixture.encode(QrFixture.photo(parts.get(0), 900, 700), "png"));
        assertEquals(303, op.postMultipart("/qr/photos", rest).statusCode());
        status = status();
        assertEquals("complete", status.get("state").asText(), status.toString());
        assertTrue(status.get("html").asText().contains("13 new"), status.toString());

        commitFromQr(Map.of("machine", "", "lab", ""));
        assertEquals(QrFixture.expected(request), stored());
        assertEquals("idle", status().get("state").asText(), "the scan starts over once handed to the preview");
    }

    @Test
    void scannerLinesInAnyOrderWithRepeatsCompleteTheMessageAndNameTheMachinesAlreadyKnown() {
        QrRequest small = QrFixture.lab(4, 11L);
        for (String part : QrFixture.parts(small, 200)) {
            scanned(part);
        }
        commitFromQr(Map.of("machine", "", "lab", ""));

        List<QrRequest.Entry> more = new ArrayList<>(small.entries());
        more.addAll(QrFixture.lab(8, 12L).entries().stream().filter(e -> e.machine().compareTo("PC-005") >= 0)
                .toList());
        QrRequest request = new QrRequest("LAB-A", more);
        List<String> parts = new ArrayList<>(QrFixture.parts(request, 150));
        assertTrue(parts.size() >= 4, parts.size() + " parts");
        JsonNode a = scanned(parts.get(2).toLowerCase());
        assertEquals("1 of " + parts.size() + " parts, missing 1-2, 4-" + parts.size(), a.get("progress").asText());
        scanned(parts.get(2));
        scanned(parts.get(0));
        for (int i = parts.size() - 1; i >= 1; i--) {
            a = scanned("  " + parts.get(i) + " ");
        }
        assertEquals("complete", a.get("state").asText(), a.toString());
        String html = a.get("html").asText();
        for (String known : List.of("PC-001: already known", "PC-003: already known", "PC-004: already known")) {
            assertTrue(html.contains(known), known + " in " + html);
        }
        assertFalse(html.contains("PC-005: already known"), html);
        commitFromQr(Map.of("machine", "", "lab", ""));
        assertEquals(QrFixture.expected(request), stored());
    }

    @Test
    void pastedBareIidsAndSlmgrLinesBecomeOneMachinesTextUpload() {
        TestIds ids = new TestIds(5L);
        String windows = ids.iid63();
        String slmgr = "Installation ID: " + TestIds.digits(ids.iid63());
        JsonNode a = pasted(windows + "\n\n" + slmgr + "\n" + windows);
        assertEquals("complete", a.get("state").asText());
        assertEquals("2 text lines read", a.get("progress").asText());

        HttpResponse<String> noName = op.postFields("/qr/preview", Map.of("machine", " ", "lab", "LAB-B"));
        assertEquals(400, noName.statusCode());
        assertTrue(noName.body().contains("enter the machine name"), noName.body());
        HttpResponse<String> badName = op.postFields("/qr/preview", Map.of("machine", "../etc", "lab", "LAB-B"));
        assertEquals(400, badName.statusCode());

        String preview = commitFromQr(Map.of("machine", "LAB-B-PC-9", "lab", "LAB-B"));
        assertTrue(preview.contains("LAB-B-PC-9.txt"), preview);
        var rows = kiosk.kiosk.requests().list("LAB-B", null, null, 100);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.machine().name().equals("LAB-B-PC-9")));
    }

    @Test
    void malformedTruncatedOversizedDamagedAndMixedPayloadsAreRefusedWithReasonsAndNothingIsStored() {
        List<String> a = QrFixture.parts(QrFixture.lab(6, 21L), 150);
        List<String> b = QrFixture.parts(QrFixture.lab(6, 22L), 150);
        assertEquals(a.size(), b.size());
        String last = a.get(a.size() - 1);
        String damaged = last.substring(0, 30) + (last.charAt(30) == 'A' ? 'B' : 'A') + last.substring(31);
        String html = pasted("GD1:XYZ\n" + a.get(0).substring(0, a.get(0).length() / 2) + "\nGD1:" + "A".repeat(5000)
                + "\n" + damaged + "\nGD2:ABCDEFGH:1/1:XX:ABCD").get("html").asText();
        assertTrue(html.contains("oversized"), html);
        assertTrue(html.contains("damaged"), html);
        assertTrue(html.contains("version 2 is not supported"), html);

        for (int i = 0; i < a.size() - 1; i++) {
            pasted(a.get(i));
        }
        JsonNode mixed = pasted(b.get(b.size() - 1));
        assertEquals("scanning", mixed.get("state").asText(), "parts of two messages never make one");
        assertTrue(mixed.get("html").asText().contains("of " + a.size() + " parts; missing " + a.size()),
                mixed.toString());

        HttpResponse<String> r = op.postFields("/qr/preview", Map.of("machine", "", "lab", ""));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("nothing to import yet"), r.body());
        assertEquals(0, kiosk.kiosk.requests().list(null, null, null, 100).size());
    }

    @Test
    void garbageFramesAreNotesNeverServerErrors() {
        byte[] noise = new byte[5000];
        new Random(3).nextBytes(noise);
        HttpResponse<String> r = frame(noise);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(WebClient.json(r).get("html").asText().contains("not an image"), r.body());

        byte[] jpeg = QrFixture.encode(QrFixture.photo("hello", 640, 480), "jpg");
        r = frame(Arrays.copyOf(jpeg, jpeg.length / 3));
        assertTrue(r.statusCode() == 200, r.body());

        assertEquals(400, frame(new byte[0]).statusCode());
        assertEquals(400, frame(new byte[QrRoutes.MAX_FRAME_BYTES + 1]).statusCode());

        String part = QrFixture.parts(QrFixture.lab(2, 1L), 400).get(0);
        r = frame(QrFixture.encode(QrFixture.photo(part, 640, 480), "jpg"));
        JsonNode j = WebClient.json(r);
        assertEquals(1, j.get("codes").asInt(), r.body());
        assertEquals("complete", j.get("state").asText());
    }

    @Test
    void aDimLowContrastFrameIsReadByTheFullDecodeThatEveryFifthEmptyFrameGets() {
        String part = QrFixture.parts(QrFixture.lab(1, 2L), 400).get(0);
        java.awt.image.BufferedImage dim = QrFixture.photo(part, 640, 480);
        for (int y = 0; y < dim.getHeight(); y++) {
            for (int x = 0; x < dim.getWidth(); x++) {
                int v = dim.getRGB(x, y) & 0xff;
                int d = v < 100 ? 20 : v < 200 ? 15 : 30;
                dim.setRGB(x, y, d << 16 | d << 8 | d);
            }
        }
        byte[] frame = QrFixture.encode(dim, "png");
        for (int i = 1; i < QrRoutes.THOROUGH_EVERY; i++) {
            assertEquals(0, WebClient.json(frame(frame)).get("codes").asInt(), "the quick decode misses it");
        }
        JsonNode j = WebClient.json(frame(frame));
        assertEquals(1, j.get("codes").asInt(), j.toString());
        assertEquals("complete", j.get("state").asText());
    }

    @Test
    void eachSessionHasItsOwnScanWhichEndsWithTheSession() {
        scanned(QrFixture.parts(QrFixture.lab(9, 4L), 150).get(0));
        assertEquals("scanning", status().get("state").asText());
        SignedInClient other = SignedInClient.operator(kiosk.kiosk, kiosk.port, "Otto Other");
        assertEquals("idle", WebClient.json(other.get("/api/qr/status")).get("state").asText());

        assertEquals(303, op.postFields("/signout", Map.of()).statusCode());
        op = kiosk.operator();
        assertEquals("idle", status().get("state").asText());
    }

    private JsonNode status() {
        HttpResponse<String> r = op.get("/api/qr/status");
        assertEquals(200, r.statusCode(), r.body());
        return WebClient.json(r);
    }

    private JsonNode scanned(String line) {
        return pasted(line);
    }

    private JsonNode pasted(String text) {
        HttpResponse<String> r = op.postFields("/api/qr/lines", Map.of("text", text));
        assertEquals(200, r.statusCode(), r.body());
        return WebClient.json(r);
    }

    /** Hands the scan to the import preview, confirms it there and answers the preview page. */
    private String commitFromQr(Map<String, String> fields) {
        HttpResponse<String> r = op.postFields("/qr/preview", fields);
        assertEquals(303, r.statusCode(), r.body());
        String location = WebClient.location(r);
        assertTrue(location.startsWith("/import/preview/"), location);
        String page = op.get(location).body();
        assertTrue(page.contains("Confirm: store"), page);
        String token = location.substring("/import/preview/".length());
        HttpResponse<String> done = op.postFields("/import/commit", Map.of("token", token));
        assertEquals(303, done.statusCode(), done.body());
        return page;
    }

    private java.util.Set<String> stored() {
        return QrFixture.stored(kiosk.kiosk.requests().list("LAB-A", null, null, 1000));
    }

    private HttpResponse<String> frame(byte[] bytes) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(kiosk.base + "/api/qr/frame"))
                .header("Cookie", op.cookie()).header("X-CSRF-Token", op.csrf()).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
