package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.activation.Product;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.licensing.MakAlert;
import org.gapdesk.licensing.MakStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The licensing desk's pages over HTTP: dashboard, advice, MAK pool (admins only), flags, the record as CSV. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensingPagesIT {
    LicensingDeskFixture desk;
    SignedInClient admin;
    SignedInClient operator;

    @BeforeAll
    void start(@TempDir Path home) {
        desk = new LicensingDeskFixture(home, true);
        admin = desk.admin();
        operator = desk.operator();
    }

    @AfterAll
    void stop() {
        desk.close();
    }

    @Test
    void theDashboardDrawsEveryChartAsInlineSvgWithoutScriptOrStyle() {
        HttpResponse<String> r = operator.get("/dashboard");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        for (String id : List.of("chart-activations", "chart-requests", "chart-reuse", "chart-mak-3V66T",
                "chart-mak-XQ7DR")) {
            assertTrue(body.contains("id=\"" + id + "\""), id);
        }
        assertTrue(count(body, "<svg ") >= 5, "a chart per MAK and three more");
        assertFalse(body.contains("style="), "no style attribute anywhere: the CSP forbids them");
        assertFalse(Pattern.compile("<script(?![^>]*src=)").matcher(body).find(), "no inline script");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("style-src 'self'"));
        assertTrue(body.contains("Activations per week by channel"));
        assertTrue(body.contains("MAK ending XQ7DR"));
        assertTrue(body.contains("Recent low-count alerts"), "the office MAK fell under the threshold");
        assertTrue(body.contains("data-series=\"reused\" data-value=\"5\""), "five CIDs reused from the store");
        assertFalse(body.contains("href=\"/admin/mak\""), "an operator is not offered the MAK pool");
        assertTrue(admin.get("/dashboard").body().contains("href=\"/admin/mak\""));
        assertEquals(400, operator.get("/dashboard?weeks=999").statusCode());
        assertEquals(200, operator.get("/dashboard?weeks=26").statusCode());
    }

    @Test
    void aLowCountAlertWasRaisedOnceWhenAKeyedCidTookTheOfficeMakToTheThreshold() {
        MakStatus status = desk.kiosk.licensing().pool().status(LicensingDeskFixture.OFFICE_MAK).orElseThrow();
        assertEquals(45 - 38, status.remainingNow());
        List<MakAlert> office = desk.kiosk.licensing().alerts().recent(10).stream()
                .filter(a -> a.last5().equals(LicensingDeskFixture.OFFICE_MAK)).toList();
        assertEquals(1, office.size(), "one alert for the crossing");
        assertEquals(10, office.get(0).remaining(), "raised by the CID that took it to the threshold");
        assertEquals(LicensingDeskFixture.OPERATOR, office.get(0).raisedBy());
    }

    @Test
    void adviceShowsEachLabWithItsKmsThresholdsAndKmsClients() {
        HttpResponse<String> r = operator.get("/advice");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"advice-LAB-A\""));
        assertTrue(r.body().contains("id=\"advice-LAB-B\""));
        assertTrue(r.body().contains("KMS-01, KMS-02, KMS-03"), "LAB-B's KMS clients by name");
        assertTrue(r.body().contains("KMS needs 25"));
    }

    @Test
    void theMakPoolIsForAdminsOnly() {
        assertEquals(403, operator.get("/admin/mak").statusCode());
        HttpResponse<String> post = operator.postFields("/admin/mak/add", Map.of("last5", "B7QRT", "group",
                "Windows Server 2022", "remaining", "10", "readOn", "2026-11-01"));
        assertEquals(403, post.statusCode());
        assertTrue(desk.kiosk.licensing().pool().status("B7QRT").isEmpty(), "nothing stored");
        assertEquals(403, operator.postFields("/admin/mak/reading", Map.of("last5", "3V66T", "remaining", "500",
                "readOn", "2026-11-01")).statusCode());

        HttpResponse<String> page = admin.get("/admin/mak");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<code>3V66T</code>"));
        assertTrue(page.body().contains("<code>XQ7DR</code>"));
        assertTrue(page.body().contains("class=\"tag mak-warning\">low<"), "the office MAK is low");
        assertTrue(page.body().contains("Low-count alerts"));
    }

    @Test
    void anAdminAddsAMakAndANewReadingAndAFullKeyIsRefusedWithoutEcho() {
        HttpResponse<String> added = admin.postFields("/admin/mak/add", Map.of("last5", "w269n", "group",
                "Windows Server 2022 Standard/Datacenter", "remaining", "20", "readOn", "2026-11-10"));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("Added the MAK ending W269N"), added.body());
        HttpResponse<String> reading = admin.postFields("/admin/mak/reading", Map.of("last5", "W269N", "remaining",
                "8", "readOn", "2026-11-15T14:30"));
        assertEquals(200, reading.statusCode(), reading.body());
        assertTrue(reading.body().contains("New reading for the MAK ending W269N"), reading.body());
        assertTrue(reading.body().contains("A low-count alert was raised"), reading.body());
        assertEquals(8, desk.kiosk.licensing().pool().status("W269N").orElseThrow().remainingNow());

        String full = "NPPR9-FWDCX-D2C8J-H872K-2YT43";
        HttpResponse<String> refused = admin.postFields("/admin/mak/add", Map.of("last5", full, "group",
                "Windows 10/11 Enterprise", "remaining", "20", "readOn", "2026-11-10"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("never stores a product key"), refused.body());
        assertFalse(refused.body().contains("FWDCX"), "the typed key is never echoed");
        assertTrue(desk.kiosk.licensing().pool().status("2YT43").isEmpty());

        assertEquals(403, admin.postFormWithToken("/admin/mak/add", Map.of("last5", List.of("ABCDE"), "group",
                List.of("G"), "remaining", List.of("1"), "readOn", List.of("2026-11-10")), null).statusCode());
    }

    @Test
    void requestsShowTheirLicensingFlags() {
        HttpResponse<String> list = operator.get("/requests?lab=LAB-A");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("flag-mak-low"), "office requests carry the low-MAK flag");
        HttpResponse<String> labB = operator.get("/requests?q=SCOPE-STRAY");
        assertTrue(labB.body().contains("MAK not in pool"), labB.body());
        Matcher m = Pattern.compile("href=\"/requests/([0-9]+)\"").matcher(labB.body());
        assertTrue(m.find());
        HttpResponse<String> detail = operator.get("/requests/" + m.group(1));
        assertTrue(detail.body().contains("id=\"licensing-flags\""), detail.body());
        assertTrue(detail.body().contains(LicensingDeskFixture.STRAY_KEY));
    }

    @Test
    void theImportPreviewShowsLicensingFlagsWithoutBlocking() {
        UploadedFile file = desk.requestFile("LAB-B", List.of(
                new LicensingDeskFixture.Box("SCOPE-700", new Product(LicensingDeskFixture.OFFICE_SKU,
                        Product.OFFICE_APP_ID, "Office 21, Office21ProPlus2021VL_MAK_AE edition", "Volume:MAK",
                        LicensingDeskFixture.OFFICE_MAK, 2)),
                new LicensingDeskFixture.Box("SCOPE-701", LicensingDeskFixture.windows("QQ7WX"))), false);
        HttpResponse<String> held = operator.postMultipart("/import/preview", new WebClient.Multipart()
                .file("files", file.name(), file.bytes()).field("lab", "LAB-B"));
        assertEquals(303, held.statusCode(), held.body());
        HttpResponse<String> page = operator.get(held.headers().firstValue("Location").orElseThrow());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("flag-mak-low"), page.body());
        assertTrue(page.body().contains("MAK not in pool"), page.body());
        assertTrue(page.body().contains("Confirm: store 2 requests"), "flags never block: " + page.body());
    }

    @Test
    void theRecordDownloadsAsFormulaSafeCsv() {
        desk.importLab("LAB-B", List.of(new LicensingDeskFixture.Box("SCOPE-900", new Product(
                LicensingDeskFixture.WINDOWS_SKU, Product.WINDOWS_APP_ID, "=HYPERLINK(\"http://x\",\"y\")",
                "Volume:MAK", "3V66T", 2))));
        HttpResponse<String> r = operator.get("/export/record.csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename="
                + "\"gapdesk-record-"));
        String[] lines = r.body().split("\r\n");
        assertTrue(lines[0].startsWith("request_id,lab,machine,"), lines[0]);
        assertTrue(r.body().contains("'=HYPERLINK"), "a formula is neutralised");
        assertFalse(r.body().contains(",=HYPERLINK") || r.body().contains(",\"=HYPERLINK"));
        assertEquals(93 + 1, lines.length, "every request and the header");
        HttpResponse<String> anonymous = SignedInClient.signedOut(desk.port, "nobody").get("/export/record.csv");
        assertTrue(anonymous.statusCode() != 200 && !anonymous.body().contains("request_id"),
                "the record is for signed-in operators only: " + anonymous.statusCode());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
