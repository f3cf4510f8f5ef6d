package org.gapdesk.web;

import static org.gapdesk.web.WebClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.RequestState;
import org.gapdesk.batch.BatchService;
import org.gapdesk.batch.BatchState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch pages over HTTP: making a batch, its page, the worksheet PDF, closing, and mail when it is off. */
class BatchPagesIT {
    @TempDir
    Path home;

    private CallModeFixture kiosk;
    private SignedInClient web;

    @BeforeEach
    void start() {
        kiosk = CallModeFixture.start(home, 3, null);
        web = kiosk.operator();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void aBatchIsMadeFromTheLabsReceivedRequestsAndShownWithItsMachines() {
        HttpResponse<String> list = web.get("/batches");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("LAB-A — Lab A · 3 ready"), list.body());
        assertTrue(list.body().contains("name=\"_csrf\""), "the form carries the CSRF token");
        assertTrue(list.body().contains("href=\"/batches\" aria-current=\"page\">Batches</a>"), "nav entry is current");

        HttpResponse<String> made = web.postFields("/batches", Map.of("lab", "LAB-A", "channel", "phone"));
        assertEquals(303, made.statusCode(), made.body());
        long id = batchId(made);
        assertEquals("/batches/" + id + "?worksheet=shown#worksheet", location(made), "a new batch shows its worksheet");
        String shown = web.get("/batches/" + id + "?worksheet=shown").body();
        assertTrue(shown.contains("<iframe class=\"worksheet-pdf\" src=\"/batches/" + id + "/worksheet.pdf\""), shown);

        HttpResponse<String> page = web.get("/batches/" + id);
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertFalse(body.contains("<iframe"), "the worksheet is shown only when asked for");
        assertTrue(body.contains("href=\"/batches/" + id + "?worksheet=shown#worksheet\">Show the worksheet here"), body);
        assertTrue(body.contains("Telephone channel · 3 IIDs") && body.contains("0 of 3</strong> with a CID"), body);
        for (int i = 1; i <= 3; i++) {
            assertTrue(body.contains(String.format("PC-%03d", i)), body);
        }
        assertTrue(body.contains("href=\"/batches/" + id + "/call\""), "call mode is offered");
        assertTrue(body.contains("Worksheets are not mailed: mail is off"), body);
        assertFalse(body.contains("Mail worksheet"), "no mail button while mail is off");
        assertEquals(RequestState.ON_WORKSHEET, kiosk.kiosk.requests().list("LAB-A", null, null, 10).get(0).state());
        assertEquals(CallModeFixture.OPERATOR, new BatchService(kiosk.kiosk.database(), java.time.Clock.systemUTC())
                .find(id).orElseThrow().createdBy());

        HttpResponse<String> none = web.postFields("/batches", Map.of("lab", "LAB-A", "channel", "portal"));
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("no requests to put on a worksheet for lab LAB-A"), none.body());
        HttpResponse<String> fax = web.postFields("/batches", Map.of("lab", "LAB-A", "channel", "fax"));
        assertEquals(400, fax.statusCode());
        assertTrue(fax.body().contains("choose a channel: phone or portal"), fax.body());
    }

    @Test
    void theWorksheetPdfCarriesEveryIidAndTheKioskFingerprintAndReprintsTheSame() throws IOException {
        long id = makeBatch("portal");
        HttpResponse<byte[]> pdf = getBytes("/batches/" + id + "/worksheet.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("inline; filename=\"worksheet-batch-" + id + "-LAB-A.pdf\"",
                pdf.headers().firstValue("Content-Disposition").orElse(""));
        String text = text(pdf.body());
        assertTrue(text.contains(kiosk.kiosk.key().fingerprint()), text);
        for (String iid : kiosk.iids) {
            for (String group : InstallationId.parse(iid).groups()) {
                assertTrue(text.contains(group), group + " in\n" + text);
            }
        }
        assertEquals("SAMEORIGIN", pdf.headers().firstValue("X-Frame-Options").orElse(""),
                "the batch page may show the worksheet");
        assertEquals(SecurityHeaders.CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
                pdf.headers().firstValue("Content-Security-Policy").orElse(""));
        HttpResponse<byte[]> again = getBytes("/batches/" + id + "/worksheet.pdf?download=1");
        assertTrue(again.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
        assertEquals("DENY", again.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals(SecurityHeaders.CSP, again.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals(text, text(again.body()), "a reprint shows the same worksheet");
        assertEquals(404, getBytes("/batches/99/worksheet.pdf").statusCode());
        assertEquals(400, web.get("/batches/x1").statusCode());
    }

    @Test
    void closingABatchFreesItsRequestsAndHappensOnce() {
        long id = makeBatch("phone");
        HttpResponse<String> closed = web.postFields("/batches/" + id + "/close", Map.of());
        assertEquals(303, closed.statusCode(), closed.body());
        assertEquals("/batches/" + id, location(closed));
        String page = web.get("/batches/" + id).body();
        assertTrue(page.contains("batch-closed") && page.contains("by " + CallModeFixture.OPERATOR), page);
        assertFalse(page.contains("action=\"/batches/" + id + "/close\""), "no close button on a closed batch");
        HttpResponse<String> twice = web.postFields("/batches/" + id + "/close", Map.of());
        assertEquals(409, twice.statusCode());
        assertTrue(twice.body().contains("already closed"), twice.body());
        assertEquals(BatchState.CLOSED, new BatchService(kiosk.kiosk.database(), java.time.Clock.systemUTC())
                .find(id).orElseThrow().state());

        // Its requests (no CID yet) may go on a new batch when asked for.
        HttpResponse<String> again = web.postFields("/batches", Map.of("lab", "LAB-A", "channel", "phone",
                "again", "yes"));
        assertEquals(303, again.statusCode(), again.body());
        assertTrue(web.get("/batches?state=open").body().contains("href=\"/batches/" + (id + 1) + "\""));
    }

    @Test
    void changesNeedTheCsrfTokenAndMailingIsRefusedWhileMailIsOff() {
        long id = makeBatch("phone");
        HttpResponse<String> forged = web.postFormWithToken("/batches/" + id + "/close", Map.of(), "wrong");
        assertEquals(403, forged.statusCode());
        assertEquals(BatchState.OPEN, new BatchService(kiosk.kiosk.database(), java.time.Clock.systemUTC())
                .find(id).orElseThrow().state());
        HttpResponse<String> mail = web.postFields("/batches/" + id + "/mail", Map.of());
        assertEquals(409, mail.statusCode());
        assertTrue(mail.body().contains("worksheets cannot be mailed: mail is off"), mail.body());
        HttpResponse<String> anonymous = SignedInClient.signedOut(kiosk.port, "nobody").get("/batches");
        assertTrue(anonymous.statusCode() == 303 || anonymous.statusCode() == 401, "signed out: " + anonymous);
    }

    private long makeBatch(String channel) {
        HttpResponse<String> made = web.postFields("/batches", Map.of("lab", "LAB-A", "channel", channel));
        assertEquals(303, made.statusCode(), made.body());
        return batchId(made);
    }

    private static long batchId(HttpResponse<String> made) {
        return Long.parseLong(location(made).replaceFirst("^/batches/([0-9]+).*$", "$1"));
    }

    private HttpResponse<byte[]> getBytes(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(kiosk.base + path))
                    .header("Cookie", web.cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
