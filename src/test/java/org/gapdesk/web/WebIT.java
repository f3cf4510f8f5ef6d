package org.gapdesk.web;

import static org.gapdesk.web.WebClient.json;
import static org.gapdesk.web.WebClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.TestIds;
import org.gapdesk.store.ConfirmationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk over HTTP on a random loopback port, with a real H2 file database in a temporary home. */
class WebIT {
    private static final String OPERATOR = "Ana Lee";
    private static final Pattern PREVIEW_LOCATION = Pattern.compile("/import/preview/([A-Za-z0-9_-]{24})");

    @TempDir
    Path home;
    @TempDir
    Path media;

    private final TestIds ids = new TestIds(20261120);
    private Kiosk kiosk;
    private WebServer server;
    private int port;
    private WebClient web;
    private SignedInClient ana;

    @BeforeEach
    void start() throws IOException {
        TestSite.write(home, media);
        kiosk = SignedInClient.openKiosk(home);
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        web = new WebClient(port);
        ana = SignedInClient.operator(kiosk, port, OPERATOR);
    }

    @AfterEach
    void stop() {
        server.stop();
        kiosk.close();
    }

    // ---- import: preview and commit ------------------------------------------------------------------------

    @Test
    void previewOverHttpStoresNothing() {
        String file = new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).mak("PC-002", ids.iid63()).toString();

        JsonNode api = json(ana.postMultipart("/api/import/preview", new WebClient.Multipart().file("a.json", file)));
        assertEquals(false, api.get("committed").asBoolean());
        assertEquals(2, api.get("stored").asInt());
        assertEquals("NEW", api.at("/files/0/entries/0/outcome").asText());

        HttpResponse<String> held = ana.postMultipart("/import/preview",
                new WebClient.Multipart().file("a.json", file).field("lab", "LAB-A"));
        assertEquals(303, held.statusCode(), held.body());
        HttpResponse<String> page = ana.get(location(held));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("PC-001") && page.body().contains("PC-002"), page.body());
        assertTrue(page.body().contains("Confirm: store 2 requests"), page.body());

        assertEquals(0, json(ana.get("/api/requests")).get("count").asInt());
        assertTrue(kiosk.requests().counts().isEmpty());
    }

    @Test
    void confirmingAPreviewStoresItOnceAndRecordsTheOperator() {
        String iid = ids.iid63();
        String token = hold(new WebClient.Multipart().file("a.json",
                new RequestFileJson("LAB-A").mak("PC-001", iid).mak("PC-002", ids.iid63()).toString()));

        HttpResponse<String> done = ana.postForm("/import/commit", Map.of("token", List.of(token)));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/import/done/" + token, location(done));
        HttpResponse<String> result = ana.get(location(done));
        assertEquals(200, result.statusCode());
        assertTrue(result.body().contains("Stored 2 requests."), result.body());

        JsonNode list = json(ana.get("/api/requests"));
        assertEquals(2, list.get("count").asInt());
        long id = list.at("/requests/1/id").asLong();
        assertEquals("PC-001", list.at("/requests/1/machine").asText());
        assertEquals(InstallationId.parse(iid).grouped(), list.at("/requests/1/iidGrouped").asText());
        assertEquals(OPERATOR, kiosk.requests().history(id).get(0).operator());

        HttpResponse<String> again = ana.postForm("/import/commit", Map.of("token", List.of(token)));
        assertEquals(303, again.statusCode());
        assertEquals("/import/done/" + token, location(again));
        assertEquals(2, json(ana.get("/api/requests")).get("count").asInt());
        assertEquals(303, ana.get("/import/preview/" + token).statusCode());
    }

    @Test
    void changesWithoutASignedInOperatorAreRefused() {
        String file = new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).toString();
        String token = hold(new WebClient.Multipart().file("a.json", file));

        HttpResponse<String> page = web.postForm("/import/commit", Map.of("token", List.of(token)));
        assertEquals(401, page.statusCode());
        assertTrue(page.body().contains("sign in first"), page.body());

        HttpResponse<String> api = web.postMultipart("/api/import/commit", new WebClient.Multipart().file("a.json", file));
        assertEquals(401, api.statusCode());
        assertTrue(json(api).get("message").asText().contains("sign in"), api.body());

        assertEquals(0, json(ana.get("/api/requests")).get("count").asInt());
        assertEquals(200, ana.get("/import/preview/" + token).statusCode(), "the preview is still held");
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndReturnsToALocalPage() {
        SignedInClient ben = SignedInClient.signedOut(port, "Ben Ode");
        kiosk.operators().add("Ben Ode", org.gapdesk.operator.Role.OPERATOR, SignedInClient.SECRET.toCharArray(),
                "test");
        HttpResponse<String> form = web.get("/import");
        assertEquals(303, form.statusCode());
        assertEquals("/signin?next=%2Fimport", location(form));

        HttpResponse<String> ok = ben.trySignIn(SignedInClient.SECRET);
        assertEquals(303, ok.statusCode(), ok.body());
        String cookie = ok.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionOperatorResolver.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Ben"), "the cookie holds a token, not the name: " + cookie);

        HttpResponse<String> shown = ben.get("/");
        assertTrue(shown.body().contains("Operator: <strong>Ben Ode</strong>"), shown.body());

        HttpResponse<String> offsite = ben.postForm("/signin", Map.of("name", List.of("Ben Ode"),
                "secret", List.of(SignedInClient.SECRET), "next", List.of("//elsewhere.example/x")));
        assertEquals(403, offsite.statusCode(), "the session token is not the sign-in form's token");

        HttpResponse<String> escaped = SignedInClient.signedOut(port, "<b>x</b>").trySignIn("whatever1");
        assertEquals(401, escaped.statusCode());
        assertTrue(escaped.body().contains("value=\"&lt;b>x&lt;/b>\""), "echoed name is escaped:\n" + escaped.body());
        assertFalse(escaped.body().contains("<b>x</b>"));
    }

    @Test
    void mixedSetShowsEveryOutcomeInThePreviewPageAndTheApi() {
        String known = ids.iid63();
        String heldOld = ids.iid63();
        JsonNode first = json(ana.postMultipart("/api/import/commit", new WebClient.Multipart().file("first.json",
                new RequestFileJson("LAB-A").mak("PC-001", known).mak("PC-004", heldOld).toString())));
        assertEquals(2, first.get("createdIds").size(), first.toString());
        long oldId = first.at("/files/0/entries/1/requestId").asLong();

        String stored = ids.iid63();
        String cid = ids.cid48();
        kiosk.database().inTransaction(c -> {
            new ConfirmationStore().put(c, TestIds.digits(stored), TestIds.digits(cid), false, "test", Instant.EPOCH);
            return null;
        });
        String mixed = new RequestFileJson("LAB-A")
                .mak("PC-002", ids.iid63())
                .mak("PC-001", known)
                .mak("PC-004", ids.iid63())
                .mak("PC-005", stored)
                .machine("PC-006", RequestFileJson.OFFICE_SKU, "Volume:GVLK", ids.iid63())
                .mak("PC-007", TestIds.breakGroup(ids.iid63(), 3, 7))
                .toString();
        List<String> expected = List.of("NEW", "ALREADY_KNOWN", "SUPERSEDES", "REUSED_FROM_STORE", "KMS_CLIENT",
                "REJECTED");

        String page = ana.get("/import/preview/" + hold(new WebClient.Multipart().file("mixed.json", mixed))).body();
        for (String label : List.of("new", "already known", "supersedes older", "CID reused from store",
                "KMS client, not queued", "rejected")) {
            assertTrue(page.contains(">" + label + "</span>"), label + " in\n" + page);
        }
        assertTrue(page.contains("group 3"), "the rejection names the group");

        JsonNode preview = json(ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().file("mixed.json", mixed)));
        assertEquals(expected, outcomes(preview));
        assertEquals(1, preview.at("/counts/REJECTED").asInt());
        assertEquals(4, preview.get("stored").asInt());

        JsonNode commit = json(ana.postMultipart("/api/import/commit",
                new WebClient.Multipart().file("mixed.json", mixed)));
        assertEquals(expected, outcomes(commit));
        assertEquals(4, commit.get("createdIds").size());
        JsonNode entries = commit.at("/files/0/entries");
        assertTrue(entries.get(1).get("requestId").isNull(), "already known creates nothing");
        assertEquals(commit.at("/createdIds/2").asLong(), entries.get(3).get("requestId").asLong());
        assertTrue(entries.get(3).get("cidReused").asBoolean());
        assertEquals("CONFIRMED", request(entries.get(3).get("requestId").asLong()).get("state").asText());
        assertEquals("KMS_CLIENT", request(entries.get(4).get("requestId").asLong()).get("state").asText());
        assertEquals("SUPERSEDED", request(oldId).get("state").asText());
        assertEquals(entries.get(2).get("requestId").asLong(), request(oldId).get("supersededBy").asLong());
    }

    @Test
    void aBrokenFileIsRejectedWholeAndTheOthersStillGoIn() {
        String good = new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).toString();
        String broken = new RequestFileJson("LAB-A").mak("PC-009", ids.iid63()).toString();
        broken = broken.substring(0, broken.length() / 2);
        WebClient.Multipart batch = new WebClient.Multipart().file("good.json", good).file("broken.json", broken);

        String page = ana.get("/import/preview/" + hold(batch)).body();
        assertTrue(page.contains("Nothing from this file will be stored."), page);
        assertTrue(page.contains("broken.json: not valid JSON"), page);

        JsonNode commit = json(ana.postMultipart("/api/import/commit", batch));
        assertTrue(commit.at("/files/1/rejected").asBoolean());
        assertEquals(0, commit.at("/files/1/entries").size());
        JsonNode list = json(ana.get("/api/requests"));
        assertEquals(1, list.get("count").asInt());
        assertEquals("PC-001", list.at("/requests/0/machine").asText());
    }

    @Test
    void labSelectorAppliesToFilesWithoutALabAndUnknownLabsAreRefused() {
        String csv = "machine,installationId\nPC-CSV-1," + ids.iid63() + "\n";
        JsonNode preview = json(ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().file("list.csv", csv).field("lab", "lab-b")));
        assertEquals("LAB-B", preview.at("/files/0/entries/0/lab").asText(), preview.toString());

        HttpResponse<String> unknown = ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().file("list.csv", csv).field("lab", "LAB-Z"));
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("message").asText().contains("unknown lab 'LAB-Z'"), unknown.body());
    }

    // ---- requests -----------------------------------------------------------------------------------------

    @Test
    void requestListFiltersByLabAndStateAndSearchesHostAndIidDigits() {
        String iidB = ids.iid63();
        ana.postMultipart("/api/import/commit", new WebClient.Multipart()
                .file("a.json", new RequestFileJson("LAB-A").mak("alpha-01", ids.iid63())
                        .machine("alpha-02", RequestFileJson.WINDOWS_SKU, "Volume:GVLK", ids.iid63()).toString())
                .file("b.json", new RequestFileJson("LAB-B").mak("bravo-01", iidB).toString()));

        String labB = ana.get("/requests?lab=LAB-B").body();
        assertTrue(labB.contains("bravo-01") && !labB.contains("alpha-01"), labB);
        String kms = ana.get("/requests?state=kms_client").body();
        assertTrue(kms.contains("alpha-02") && !kms.contains("alpha-01") && !kms.contains("bravo-01"), kms);
        String host = ana.get("/requests?q=ALPHA-0").body();
        assertTrue(host.contains("alpha-01") && host.contains("alpha-02") && !host.contains("bravo-01"), host);
        String group = InstallationId.parse(iidB).groups().get(4);
        String digits = ana.get("/requests?q=" + group).body();
        assertTrue(digits.contains("bravo-01") && !digits.contains("alpha-01"), digits);

        JsonNode api = json(ana.get("/api/requests?lab=LAB-A&state=received&q=alpha"));
        assertEquals(1, api.get("count").asInt());
        assertEquals("alpha-01", api.at("/requests/0/machine").asText());

        HttpResponse<String> badState = ana.get("/requests?state=nonsense");
        assertEquals(400, badState.statusCode());
        assertTrue(badState.body().contains("unknown state"), badState.body());
        HttpResponse<String> badApi = ana.get("/api/requests?state=nonsense");
        assertEquals(400, badApi.statusCode());
        assertTrue(json(badApi).get("message").asText().contains("unknown state"));
        assertEquals(400, ana.get("/api/requests?limit=0").statusCode());
    }

    @Test
    void detailPageShowsProductIidGroupsAndHistory() {
        String oldIid = ids.iid63();
        long oldId = json(ana.postMultipart("/api/import/commit", new WebClient.Multipart().file("a.json",
                new RequestFileJson("LAB-A").mak("PC-001", oldIid).toString()))).at("/createdIds/0").asLong();
        SignedInClient ben = SignedInClient.operator(kiosk, port, "Ben Ode");
        long newId = json(ben.postMultipart("/api/import/commit", new WebClient.Multipart().file("b.json",
                new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).toString()))).at("/createdIds/0").asLong();

        HttpResponse<String> detail = ana.get("/requests/" + oldId);
        assertEquals(200, detail.statusCode());
        String body = detail.body();
        assertTrue(body.contains(RequestFileJson.WINDOWS_SKU), "Activation ID");
        assertTrue(body.contains("Volume:MAK") && body.contains("3V66T"), "channel and partial key");
        assertTrue(body.contains("2 (initial grace period)"), "license status");
        for (String g : InstallationId.parse(oldIid).groups()) {
            assertTrue(body.contains("<span class=\"digits\">" + g + "</span>"), g);
        }
        assertTrue(body.contains("superseded by <a href=\"/requests/" + newId + "\">"), body);
        assertTrue(body.contains(">Ana Lee<") && body.contains(">Ben Ode<"), "history names both operators");
        assertTrue(body.contains("superseded by request " + newId), "history detail");

        assertEquals(404, ana.get("/requests/99999").statusCode());
        assertEquals(400, ana.get("/requests/abc").statusCode());
    }

    @Test
    void overviewCountsByLabAndSaysWhatToDoNext() {
        ana.postMultipart("/api/import/commit", new WebClient.Multipart().file("a.json",
                new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).mak("PC-002", ids.iid63())
                        .machine("PC-003", RequestFileJson.WINDOWS_SKU, "Volume:GVLK", ids.iid63()).toString()));

        String body = ana.get("/").body();
        assertTrue(body.contains("LAB-A: 2 received — make a worksheet"), body);
        assertTrue(body.contains("LAB-A: 1 KMS client needs a KMS host or a MAK"), body);
        assertTrue(body.contains("href=\"/batches?lab=LAB-A\""), body);
        assertTrue(body.contains("href=\"/requests?lab=LAB-A&amp;state=kms_client\""), body);
        String batches = ana.get("/batches?lab=LAB-B").body();
        assertTrue(batches.contains("<option value=\"LAB-B\" selected"), "the step's lab is chosen: " + batches);
        String bundles = ana.get("/bundles?lab=LAB-B").body();
        assertTrue(bundles.contains("<option value=\"LAB-B\" selected"), "the step's lab is chosen: " + bundles);
    }

    // ---- USB drives ---------------------------------------------------------------------------------------

    @Test
    void usbListingOffersFilesUnderTheMountRootAndImportsThemByIdOnly() throws IOException {
        Path stick = Files.createDirectories(media.resolve("STICK/gapdesk"));
        Files.writeString(stick.resolve("lab-a.json"), new RequestFileJson("LAB-A").mak("USB-01", ids.iid63())
                .toString());
        Files.writeString(home.resolve("outside.json"), new RequestFileJson("LAB-A").mak("SECRET", ids.iid63())
                .toString());

        String page = ana.get("/import").body();
        assertTrue(page.contains("STICK/gapdesk/lab-a.json"), page);
        assertTrue(page.contains("value=\"0:STICK/gapdesk/lab-a.json\""), page);

        HttpResponse<String> held = ana.postMultipart("/import/preview", new WebClient.Multipart()
                .field("file", "0:STICK/gapdesk/lab-a.json").field("lab", "LAB-A"));
        assertEquals(303, held.statusCode(), held.body());
        assertTrue(ana.get(location(held)).body().contains("USB-01"));

        String traversal = "0:../" + media.relativize(home.resolve("outside.json")).toString().replace('\\', '/');
        for (String id : List.of(traversal, "0:STICK/../../outside.json", "0:" + home.resolve("outside.json"))) {
            HttpResponse<String> refused = ana.postMultipart("/import/preview", new WebClient.Multipart()
                    .field("file", id).field("lab", "LAB-A"));
            assertEquals(400, refused.statusCode(), id);
            assertTrue(refused.body().contains("refused"), refused.body());
            assertFalse(refused.body().contains("SECRET"));
        }
    }

    @Test
    void theLabToolkitsNewRequestFilesAreTickedAndOnesImportedBeforeAreNot() throws IOException {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        String old = new RequestFileJson("LAB-A").mak("OLD-01", ids.iid63()).toString();
        Files.writeString(stick.resolve("gapdesk-request-LAB-A-OLD.json"), old);
        Files.writeString(stick.resolve("gapdesk-request-LAB-A-NEW.json"), new RequestFileJson("LAB-A")
                .mak("NEW-01", ids.iid63()).toString());
        Files.writeString(stick.resolve("other.json"), new RequestFileJson("LAB-A").mak("X-01", ids.iid63())
                .toString());
        HttpResponse<String> first = ana.postForm("/import/commit", Map.of("token", List.of(
                hold(new WebClient.Multipart().file("copied-elsewhere.json", old)))));
        assertEquals(303, first.statusCode(), first.body());

        String page = ana.get("/import").body();
        assertTrue(page.contains("value=\"0:STICK/gapdesk-request-LAB-A-NEW.json\" id=\"usb-0\" checked"), page);
        assertTrue(page.contains("value=\"0:STICK/gapdesk-request-LAB-A-OLD.json\" id=\"usb-1\">"), page);
        assertTrue(page.contains("value=\"0:STICK/other.json\" id=\"usb-2\">"), page);
        assertTrue(Pattern.compile("gapdesk-request-LAB-A-OLD\\.json</label>\\s*<span class=\"small imported-before\">"
                + "imported before</span>").matcher(page).find(), page);
        assertEquals(1, Pattern.compile("imported before</span>").matcher(page).results().count());
    }

    // ---- security and robustness --------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPagesHaveNoInlineScriptOrStyle() {
        String token = hold(new WebClient.Multipart().file("a.json",
                new RequestFileJson("LAB-A").mak("PC-001", ids.iid63()).toString()));
        for (String path : List.of("/", "/import", "/requests", "/signin", "/setup", "/audit", "/admin/operators",
                "/import/preview/" + token, "/static/gapdesk.css", "/static/gapdesk.js", "/static/idle.js",
                "/api/requests", "/no/such/page", "/requests/abc")) {
            HttpResponse<String> r = ana.get(path);
            assertEquals(SecurityHeaders.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(r.body()).find(), path);
                assertFalse(Pattern.compile("\\sstyle=|<style|\\son[a-z]+=").matcher(r.body()).find(), path);
            }
        }
        assertEquals(404, ana.get("/no/such/page").statusCode());
    }

    @Test
    void serverListensOnTheLoopbackAddressItWasGivenOnly() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.2", port), 2000);
            }
        });
    }

    @Test
    void badInputIsAFourHundredNeverAFiveHundred() {
        HttpResponse<String> notMultipart = ana.postForm("/api/import/preview", Map.of("x", List.of("y")));
        assertEquals(400, notMultipart.statusCode());
        assertNotNull(json(notMultipart).get("message"));

        HttpResponse<String> noFiles = ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().field("lab", "LAB-A"));
        assertEquals(400, noFiles.statusCode());
        assertTrue(json(noFiles).get("message").asText().contains("no file"));

        HttpResponse<String> nothingChosen = ana.postMultipart("/import/preview",
                new WebClient.Multipart().file("files", "", new byte[0]).field("lab", "LAB-A"));
        assertEquals(400, nothingChosen.statusCode());
        assertTrue(nothingChosen.body().contains("no file chosen"), nothingChosen.body());

        assertEquals(400, ana.postForm("/import/commit", Map.of("token", List.of("../../x"))).statusCode());
        assertEquals(404, ana.postForm("/import/commit",
                Map.of("token", List.of("AAAAAAAAAAAAAAAAAAAAAAAA"))).statusCode());
        assertEquals(404, ana.get("/import/preview/AAAAAAAAAAAAAAAAAAAAAAAA").statusCode());

        JsonNode garbage = json(ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().file("files", "x.bin", new byte[] {0, 1, 2, (byte) 0xff})));
        assertTrue(garbage.at("/files/0/rejected").asBoolean(), garbage.toString());
    }

    @Test
    void anUploadOverTheFileLimitIsRefusedWithAMessage() {
        byte[] big = new byte[(int) kiosk.intake().limits().maxFileBytes() + 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = ana.postMultipart("/api/import/preview",
                new WebClient.Multipart().file("files", "big.json", big));
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(json(r).get("message").asText().contains("limit"), r.body());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Posts files to the import page and returns the token of the held preview. */
    private String hold(WebClient.Multipart files) {
        HttpResponse<String> r = ana.postMultipart("/import/preview", files.field("lab", "LAB-A"));
        assertEquals(303, r.statusCode(), r.body());
        Matcher m = PREVIEW_LOCATION.matcher(location(r));
        assertTrue(m.matches(), location(r));
        return m.group(1);
    }

    private static List<String> outcomes(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.at("/files/0/entries").forEach(e -> out.add(e.get("outcome").asText()));
        return out;
    }

    private JsonNode request(long id) {
        for (JsonNode r : json(ana.get("/api/requests?limit=5000")).get("requests")) {
            if (r.get("id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("no request " + id);
    }
}
