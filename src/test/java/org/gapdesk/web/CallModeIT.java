package org.gapdesk.web;

import static org.gapdesk.web.WebClient.json;
import static org.gapdesk.web.WebClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.CheckDigit;
import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.store.RequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call mode over HTTP: the page, the plain form post that works without script, and {@code POST /api/confirm}
 * that the script uses. The confirmation service is the judge; these tests check what reaches it and what
 * comes back.
 */
class CallModeIT {
    @TempDir
    Path home;

    private CallModeFixture kiosk;
    private SignedInClient web;
    private final TestIds cids = new TestIds(99);

    @BeforeEach
    void start() {
        kiosk = CallModeFixture.start(home, 3, ActivationChannel.PHONE);
        web = kiosk.operator();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void theCallPageShowsTheFirstWaitingMachineWithItsIidGroupsAndOneAccessibleCidInput() {
        HttpResponse<String> page = web.get(callPath());
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("Machine 1 of 3") && body.contains("PC-001"), body);
        ActivationRequest r = kiosk.request(first());
        for (String group : r.iid().groups()) {
            assertTrue(body.contains("<span class=\"digits\">" + group + "</span>"), group);
        }
        assertTrue(body.contains(
                "<input id=\"cid\" name=\"cid\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\""), body);
        assertTrue(body.contains("data-sensitive"), "the idle timeout wipes it");
        assertTrue(body.contains("aria-describedby=\"cid-help cid-blocks cid-message\""), body);
        assertTrue(body.contains("<label for=\"cid\""), body);
        assertTrue(body.contains("Block A: not keyed yet") && body.contains("Block H: not keyed yet"), body);
        assertTrue(body.matches("(?s).*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">.*"),
                "the form carries the CSRF token");
        assertTrue(body.contains("<script src=\"/static/call.js\" defer></script>"), body);
        assertFalse(body.contains("onclick") || body.contains("style=\""), "no inline handlers or styles");
        assertFalse(body.contains("Number:"), "no number configured, none shown");
        assertEquals(404, web.get(callPath() + "?request=999").statusCode());
    }

    @Test
    void aFormPostStoresTheCidAndGoesToTheNextMachine() {
        String cid = cids.cid48();
        HttpResponse<String> r = postCall(first(), cid, "confirm");
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(callPath() + "?request=" + second() + "&stored=" + first(), location(r));
        ActivationRequest stored = kiosk.request(first());
        assertEquals(RequestState.CONFIRMED, stored.state());
        assertEquals(TestIds.digits(cid), stored.cid());
        assertEquals(CallModeFixture.OPERATOR, lastEvent(first()).operator());

        String next = web.get(location(r)).body();
        assertTrue(next.contains("CID stored for PC-001") && next.contains("Machine 2 of 3"), next);
        assertTrue(next.contains("1 of 3 with a CID"), next);
        assertTrue(next.contains("href=\"" + callPath() + "?request=" + first() + "\" id=\"call-previous\""), next);
    }

    @Test
    void aBadCheckDigitIsAWarningThatStoresNothingUntilTheOperatorKeepsIt() {
        String bad = TestIds.breakGroup(cids.cid48(), 4, 6);
        int expected = CheckDigit.compute(bad.substring(18, 24), 0, 5);
        HttpResponse<String> warned = postCall(first(), bad, "confirm");
        assertEquals(200, warned.statusCode());
        String body = warned.body();
        assertTrue(body.contains("Block D: check digit should be " + expected + " — ask for block D again"), body);
        assertTrue(body.contains("Check digit warning: block D"), body);
        assertTrue(body.contains("value=\"" + ConfirmationId.parse(bad).grouped() + "\""),
                "the CID stays in the input");
        assertTrue(body.contains("value=\"keep\" class=\"big warn\" id=\"cid-keep\">"), "the keep button is shown");
        assertNull(kiosk.request(first()).cid(), "nothing stored");
        assertEquals(RequestState.ON_WORKSHEET, kiosk.request(first()).state());

        HttpResponse<String> kept = postCall(first(), bad, "keep");
        assertEquals(303, kept.statusCode(), kept.body());
        assertEquals(bad, kiosk.request(first()).cid());
        assertTrue(lastEvent(first()).detail().contains("check-digit warning overridden after re-listening"),
                lastEvent(first()).detail());
    }

    @Test
    void aDifferentCidOnRecordIsReplacedOnlyWhenTheOperatorSaysSo() {
        String onRecord = TestIds.digits(cids.cid48());
        kiosk.kiosk.confirmations().confirm(first(), onRecord, false, false, "Ben Other");
        String other = cids.cid48();
        HttpResponse<String> asked = postCall(first(), other, "confirm");
        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("This IID already has a different CID on record: <span class=\"digits\">"
                + ConfirmationId.parse(onRecord).grouped() + "</span>. Replace it?"), asked.body());
        assertTrue(asked.body().contains("value=\"replace\" class=\"big warn\" id=\"cid-replace\">"), asked.body());
        assertEquals(onRecord, kiosk.request(first()).cid());

        HttpResponse<String> replaced = postCall(first(), other, "replace");
        assertEquals(303, replaced.statusCode(), replaced.body());
        assertEquals(TestIds.digits(other), kiosk.request(first()).cid());
        assertTrue(lastEvent(first()).detail().contains("replaced the CID on record"), lastEvent(first()).detail());
    }

    @Test
    void aMalformedCidIsRefusedWithTheReason() {
        HttpResponse<String> r = postCall(first(), TestIds.digits(cids.cid48()).substring(1), "confirm");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Confirmation ID has 47 digits; expected 48"), r.body());
        HttpResponse<String> letters = postCall(first(), "12345x", "confirm");
        assertEquals(422, letters.statusCode());
        assertTrue(letters.body().contains("Block A: “x” is not a digit"), letters.body());
        assertNull(kiosk.request(first()).cid());
        assertEquals(400, postCall(first(), "1", "delete").statusCode());
    }

    @Test
    void theApiAnswersEveryOutcomeAndWhereToGoNext() {
        String bad = TestIds.breakGroup(cids.cid48(), 2, 6);
        JsonNode warning = json(api(first(), bad, false, false));
        assertEquals("CHECK_WARNING", warning.get("status").asText());
        assertFalse(warning.get("stored").asBoolean());
        assertEquals("B", warning.at("/failedBlocks/0").asText());
        assertTrue(warning.get("next").isNull());

        JsonNode kept = json(api(first(), bad, true, false));
        assertEquals("STORED", kept.get("status").asText());
        assertEquals(callPath() + "?request=" + second() + "&stored=" + first(), kept.get("next").asText());

        JsonNode same = json(api(first(), bad, true, false));
        assertEquals("UNCHANGED", same.get("status").asText());
        assertTrue(same.get("stored").asBoolean());

        String other = TestIds.digits(cids.cid48());
        JsonNode different = json(api(first(), other, false, false));
        assertEquals("DIFFERENT_CID_ON_RECORD", different.get("status").asText());
        assertEquals(ConfirmationId.parse(bad).grouped(), different.get("cidOnRecord").asText());
        assertEquals("STORED", json(api(first(), other, false, true)).get("status").asText());

        // The last waiting machine leads to the batch's "all done" page.
        api(second(), cids.cid48(), false, false);
        JsonNode last = json(api(third(), cids.cid48(), false, false));
        assertEquals(callPath() + "?stored=" + third(), last.get("next").asText());
        String done = web.get(last.get("next").asText()).body();
        assertTrue(done.contains("Every request of this batch has a CID"), done);
        assertTrue(done.contains("href=\"/bundles?lab=LAB-A\" autofocus>Export LAB-A's bundle</a>"), done);

        JsonNode refused = json(api(first(), "123", false, false));
        assertEquals("REFUSED", refused.get("status").asText());
        assertTrue(refused.get("message").asText().contains("3 digits"), refused.toString());
    }

    @Test
    void theApiNeedsTheCsrfTokenAndARequestOfTheBatch() {
        String body = "request=" + first() + "&batch=" + kiosk.batch.id() + "&cid=" + TestIds.digits(cids.cid48());
        HttpResponse<String> noToken = web.send("POST", "/api/confirm",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        assertEquals(403, noToken.statusCode());
        HttpResponse<String> signedOut = SignedInClient.signedOut(kiosk.port, "x").send("POST", "/api/confirm",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        assertTrue(signedOut.statusCode() == 401 || signedOut.statusCode() == 403, signedOut.toString());
        assertNull(kiosk.request(first()).cid());

        HttpResponse<String> notOnBatch = web.send("POST", "/api/confirm", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "X-CSRF-Token", web.csrf()),
                "request=999&batch=" + kiosk.batch.id() + "&cid=1");
        assertEquals(404, notOnBatch.statusCode());
        assertEquals(400, web.send("POST", "/api/confirm", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "X-CSRF-Token", web.csrf()), "cid=1").statusCode());
    }

    @Test
    void aRequestOnItsOwnHasACallPageToo() {
        // On an open batch: to the batch's call page at that request.
        HttpResponse<String> onBatch = web.get("/call?request=" + second());
        assertEquals(303, onBatch.statusCode());
        assertEquals(callPath() + "?request=" + second(), location(onBatch));

        web.postFields("/batches/" + kiosk.batch.id() + "/close", Map.of());
        HttpResponse<String> alone = web.get("/call?request=" + second());
        assertEquals(200, alone.statusCode());
        assertTrue(alone.body().contains("Call mode: request " + second()) && alone.body().contains("PC-002"),
                alone.body());
        HttpResponse<String> stored = web.postForm("/call", Map.of("request", List.of(String.valueOf(second())),
                "cid", List.of(cids.cid48())));
        assertEquals(303, stored.statusCode(), stored.body());
        assertEquals("/requests/" + second(), location(stored));
        assertEquals(RequestState.CONFIRMED, kiosk.request(second()).state());
    }

    private HttpResponse<String> postCall(long requestId, String cid, String action) {
        return web.postForm(callPath(), Map.of("request", List.of(String.valueOf(requestId)), "cid", List.of(cid),
                "action", List.of(action)));
    }

    private HttpResponse<String> api(long requestId, String cid, boolean override, boolean replace) {
        String body = "request=" + requestId + "&batch=" + kiosk.batch.id() + "&cid="
                + URLEncoder.encode(cid, StandardCharsets.UTF_8) + "&override=" + override + "&replace=" + replace;
        HttpResponse<String> r = web.send("POST", "/api/confirm", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "X-CSRF-Token", web.csrf()), body);
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private RequestEvent lastEvent(long requestId) {
        List<RequestEvent> history = kiosk.kiosk.requests().history(requestId);
        return history.get(history.size() - 1);
    }

    private String callPath() {
        return "/batches/" + kiosk.batch.id() + "/call";
    }

    private long first() {
        return kiosk.requestIds.get(0);
    }

    private long second() {
        return kiosk.requestIds.get(1);
    }

    private long third() {
        return kiosk.requestIds.get(2);
    }
}
