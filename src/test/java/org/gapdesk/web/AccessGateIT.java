package org.gapdesk.web;

import static org.gapdesk.web.WebClient.json;
import static org.gapdesk.web.WebClient.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.Kiosk;
import org.gapdesk.operator.Operator;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access gate over HTTP on a random port with a real H2 home: sign-in, CSRF tokens on every state-changing
 * route, admin paths, idle timeout, throttling, first-start set-up and the Host and Origin checks. Time is a
 * {@link HandClock}: no sleeps.
 */
class AccessGateIT {
    private static final String ADMIN = "Ada Admin";
    private static final String OPERATOR = "Otto Operator";

    @TempDir
    Path home;

    private final HandClock clock = new HandClock(Instant.parse("2026-11-20T09:00:00Z"));
    private Kiosk kiosk;
    private WebServer server;
    private int port;
    private SignedInClient anonymous;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.json"), """
                { "siteName": "Gate Site", "kioskId": "kiosk-g", "bindHost": "127.0.0.1",
                  "labs": [ { "code": "LAB-A", "name": "Lab A" } ] }
                """);
        kiosk = SignedInClient.openKiosk(home, clock);
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        anonymous = SignedInClient.signedOut(port, "nobody");
    }

    @AfterEach
    void stop() {
        server.stop();
        kiosk.close();
    }

    // ---- first start -------------------------------------------------------------------------------------

    @Test
    void firstStartLeadsEveryPageToSetUpWhichCreatesOneAdminOnly() {
        assertEquals("/setup", location(anonymous.get("/")));
        assertEquals("/setup", location(anonymous.get("/requests")));
        assertEquals("/setup", location(anonymous.get("/signin")));
        assertEquals(401, anonymous.get("/api/requests").statusCode());
        assertEquals(200, anonymous.get("/static/gapdesk.css").statusCode());
        HttpResponse<String> setUpPage = anonymous.get("/setup");
        assertEquals(200, setUpPage.statusCode());
        assertTrue(setUpPage.body().contains("Create the first admin"), setUpPage.body());

        SetUpForm first = new SetUpForm(port);
        assertEquals(403, first.post("Ada Admin", "secret-one", "secret-one", false).statusCode(),
                "no sign-in token: refused");
        HttpResponse<String> differ = first.post("Ada Admin", "secret-one", "secret-two", true);
        assertEquals(400, differ.statusCode());
        assertTrue(differ.body().contains("differ"), differ.body());
        assertEquals(400, first.post("Ada Admin", "123", "123", true).statusCode(), "too short");
        assertTrue(kiosk.operators().none());

        HttpResponse<String> made = first.post("Ada Admin", "secret-one", "secret-one", true);
        assertEquals(303, made.statusCode(), made.body());
        assertEquals("/", location(made));
        Operator ada = kiosk.operators().find("Ada Admin").orElseThrow();
        assertEquals(Role.ADMIN, ada.role());
        assertTrue(first.client.get("/").body().contains("Operator: <strong>Ada Admin</strong>"), "signed in");

        assertEquals("/signin", location(anonymous.get("/setup")));
        SetUpForm second = new SetUpForm(port);
        second.tokenFrom(first);
        HttpResponse<String> again = second.post("Eve", "secret-eve", "secret-eve", true);
        assertTrue(again.statusCode() == 409 || again.statusCode() == 403, again.statusCode() + again.body());
        assertEquals(1, kiosk.operators().list().size());
        assertEquals("/signin?next=%2F", location(anonymous.get("/")));
    }

    // ---- CSRF and sign-in on every state-changing route --------------------------------------------------

    @Test
    void noStateChangingRouteRunsWithoutASignedInOperatorAndItsOwnToken() {
        SignedInClient admin = SignedInClient.admin(kiosk, port, ADMIN);
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);
        List<String> changes = new ArrayList<>();
        for (String route : server.routes()) {
            String method = route.substring(0, route.indexOf(' '));
            if (List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                changes.add(route);
            }
        }
        for (String expected : List.of("POST /import/preview", "POST /import/commit", "POST /api/import/commit",
                "POST /api/import/preview", "POST /signout", "POST /session/ping", "POST /admin/operators/add",
                "POST /signin", "POST /setup")) {
            assertTrue(changes.contains(expected), expected + " in " + changes);
        }
        long auditRows = kiosk.audit().all().size();
        int operators = kiosk.operators().list().size();

        for (String route : changes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1")
                    .replaceAll("<[^>]+>", "1");
            Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
            String body = "name=Mallory&role=admin&secret=mallory-1&again=mallory-1&token=x&active=false&cid=1";
            if (path.equals(SignInPages.SIGN_IN) || path.equals(SignInPages.SET_UP)) {
                int s = anonymous.send(method, path, form, body).statusCode();
                assertEquals(403, s, route + " without the sign-in token");
                continue;
            }
            int none = anonymous.send(method, path, form, body).statusCode();
            assertTrue(none == 401 || none == 403, route + " without a session answered " + none);
            int noToken = operator.send(method, path, form, body).statusCode();
            assertEquals(403, noToken, route + " without a token");
            int badToken = operator.send(method, path, form, "_csrf=" + "A".repeat(43) + "&" + body).statusCode();
            assertEquals(403, badToken, route + " with a wrong token");
            int othersToken = operator.send(method, path, form, "_csrf=" + admin.csrf() + "&" + body).statusCode();
            assertEquals(403, othersToken, route + " with another session's token");
            int badHeader = operator.send(method, path, Map.of("Content-Type", "application/json",
                    "X-CSRF-Token", admin.csrf()), "{}").statusCode();
            assertEquals(403, badHeader, route + " with another session's token in the header");
            HttpResponse<String> multipart = operator.postMultipartWithToken(path, new WebClient.Multipart()
                    .field("name", "Mallory").file("a.json", "{}"), "wrong");
            assertEquals(403, multipart.statusCode(), route + " multipart with a wrong token");
        }
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/import/commit", "/api/import/commit", "/admin/operators/add", "/x")) {
                int s = operator.send(method, path, Map.of(), null).statusCode();
                assertEquals(403, s, method + " " + path + " without a token");
            }
        }
        assertEquals(auditRows, kiosk.audit().all().size(), "nothing was recorded: nothing changed");
        assertEquals(operators, kiosk.operators().list().size());
        assertTrue(kiosk.operators().find("Mallory").isEmpty());
        assertEquals(ADMIN, kiosk.operators().find(ADMIN).orElseThrow().name());
        assertTrue(kiosk.operators().find(OPERATOR).orElseThrow().active());

        HttpResponse<String> page = operator.postFormWithToken("/import/commit", Map.of("token", List.of("x")), "bad");
        assertTrue(page.body().contains("CSRF token"), "a page says what happened:\n" + page.body());
        HttpResponse<String> api = operator.postJsonWithToken("/api/import/commit", "{}", "bad");
        assertEquals(403, json(api).get("status").asInt());
        assertTrue(json(api).get("message").asText().contains("CSRF"), api.body());
    }

    @Test
    void everyFormThatPostsCarriesTheSessionsToken() {
        SignedInClient admin = SignedInClient.admin(kiosk, port, ADMIN);
        Pattern postForm = Pattern.compile("<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        String field = "name=\"_csrf\" value=\"" + admin.csrf() + "\"";
        int forms = 0;
        List<String> pages = new ArrayList<>();
        for (String route : server.routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (route.startsWith("GET ") && !path.contains("{") && !path.contains("<") && !path.startsWith("/api/")
                    && !path.contains(".") && !path.equals(SignInPages.SIGN_IN) && !path.equals(SignInPages.SET_UP)) {
                pages.add(path); // sign-in and set-up carry a token of their own, before any session
            }
        }
        assertTrue(pages.containsAll(List.of("/", "/import", "/qr", "/batches", "/bundles", "/receipts", "/key",
                "/admin/operators", "/admin/mak")), pages.toString());
        for (String path : pages) {
            HttpResponse<String> page = admin.get(path);
            Matcher m = postForm.matcher(page.body());
            while (m.find()) {
                forms++;
                assertTrue(m.group(1).contains(field), path + ": a form without this session's token:\n" + m.group());
            }
        }
        assertTrue(forms >= pages.size(), forms + " forms on " + pages);
    }

    @Test
    void theRightTokenInTheFieldOrHeaderIsAccepted() {
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);
        HttpResponse<String> ping = operator.postJson("/session/ping", "{}");
        assertEquals(200, ping.statusCode(), ping.body());
        assertTrue(json(ping).get("signedIn").asBoolean());
        HttpResponse<String> form = operator.postForm("/import/commit", Map.of("token", List.of("../x")));
        assertEquals(400, form.statusCode(), "past the gate, the route itself answers: " + form.body());
        HttpResponse<String> multipart = operator.postMultipart("/api/import/preview", new WebClient.Multipart()
                .file("a.json", new RequestFileJson("LAB-A").toString()));
        assertEquals(200, multipart.statusCode(), multipart.body());
    }

    @Test
    void aChangeFromAnotherSitesPageIsRefusedEvenWithTheToken() {
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);
        String self = "http://127.0.0.1:" + port;
        for (Map<String, String> h : List.of(Map.of("Origin", "http://evil.example"), Map.of("Origin", "null"),
                Map.of("Referer", "http://evil.example/page"), Map.of("Origin", "http://127.0.0.1:" + (port + 1)))) {
            Map<String, String> headers = new java.util.HashMap<>(h);
            headers.put("X-CSRF-Token", operator.csrf());
            assertEquals(403, operator.send("POST", "/session/ping", headers, "").statusCode(), h.toString());
        }
        assertEquals(200, operator.send("POST", "/session/ping", Map.of("X-CSRF-Token", operator.csrf(),
                "Origin", self), "").statusCode());
        assertEquals(200, operator.send("POST", "/session/ping", Map.of("X-CSRF-Token", operator.csrf(),
                "Referer", self + "/import"), "").statusCode());
    }

    @Test
    void pagesNeedSignInExceptStaticSignInAndSetUp() {
        SignedInClient.admin(kiosk, port, ADMIN);
        for (String path : List.of("/", "/import", "/requests", "/requests/1", "/audit", "/audit/export.csv",
                "/admin/operators", "/no/such/page")) {
            HttpResponse<String> r = anonymous.get(path);
            assertEquals(303, r.statusCode(), path);
            assertTrue(location(r).startsWith("/signin?next="), path + " -> " + location(r));
        }
        assertEquals(401, anonymous.get("/api/requests").statusCode());
        assertEquals(200, anonymous.get("/signin").statusCode());
        assertEquals(200, anonymous.get("/static/idle.js").statusCode());
        assertEquals("/signin", location(anonymous.get("/setup")));
        HttpResponse<String> status = anonymous.get("/session/status");
        assertEquals(200, status.statusCode());
        assertFalse(json(status).get("signedIn").asBoolean());
    }

    // ---- roles -------------------------------------------------------------------------------------------

    @Test
    void anOperatorCannotReachAdminActionsAndAnAdminCan() {
        SignedInClient admin = SignedInClient.admin(kiosk, port, ADMIN);
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);

        assertEquals(403, operator.get("/admin/operators").statusCode());
        assertEquals(403, operator.get("/admin/anything/new").statusCode(), "the /admin prefix is covered");
        assertEquals(403, operator.get("/api/admin/anything").statusCode());
        HttpResponse<String> refused = operator.postFields("/admin/operators/add", Map.of("name", "Mallory",
                "role", "admin", "secret", "mallory-1", "again", "mallory-1"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("only an admin"), refused.body());
        assertEquals(403, operator.postFields("/admin/operators/role", Map.of("name", OPERATOR, "role", "admin"))
                .statusCode());
        assertTrue(kiosk.operators().find("Mallory").isEmpty());
        assertEquals(Role.OPERATOR, kiosk.operators().find(OPERATOR).orElseThrow().role());
        assertFalse(operator.get("/").body().contains("href=\"/admin/operators\""), "no admin link for an operator");

        HttpResponse<String> list = admin.get("/admin/operators");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(OPERATOR), list.body());
        assertEquals(404, admin.get("/admin/anything/new").statusCode());
        HttpResponse<String> added = admin.postFields("/admin/operators/add", Map.of("name", "Cleo Clerk",
                "role", "operator", "secret", "cleo-pin-1", "again", "cleo-pin-1"));
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("Added Cleo Clerk."), added.body());
        assertEquals(Role.OPERATOR, kiosk.operators().find("Cleo Clerk").orElseThrow().role());
        SignedInClient cleo = SignedInClient.signIn(port, "Cleo Clerk", "cleo-pin-1");

        assertEquals(200, admin.postFields("/admin/operators/role", Map.of("name", OPERATOR, "role", "admin"))
                .statusCode());
        assertEquals(200, operator.get("/admin/operators").statusCode(), "a new role applies at the next request");

        assertEquals(200, admin.postFields("/admin/operators/active", Map.of("name", "Cleo Clerk", "active",
                "false")).statusCode());
        HttpResponse<String> gone = cleo.get("/");
        assertEquals(303, gone.statusCode(), "a disabled operator is signed out at once");
        assertEquals(401, cleo.postJson("/session/ping", "{}").statusCode());
        assertEquals(401, SignedInClient.signedOut(port, "Cleo Clerk").trySignIn("cleo-pin-1").statusCode());

        HttpResponse<String> self = admin.postFields("/admin/operators/active", Map.of("name", ADMIN,
                "active", "false"));
        assertEquals(400, self.statusCode());
        assertTrue(self.body().contains("cannot disable or demote yourself"), self.body());
        assertEquals(400, admin.postFields("/admin/operators/role", Map.of("name", ADMIN, "role", "operator"))
                .statusCode());
        assertTrue(kiosk.operators().find(ADMIN).orElseThrow().active());

        HttpResponse<String> reset = admin.postFields("/admin/operators/secret", Map.of("name", "Cleo Clerk",
                "secret", "cleo-pin-2", "again", "cleo-pin-2"));
        assertEquals(200, reset.statusCode(), reset.body());
        List<String> actions = kiosk.audit().latest(20).stream().map(e -> e.operator() + " " + e.action()).toList();
        assertTrue(actions.contains(ADMIN + " operator.added"), actions.toString());
        assertTrue(actions.contains(ADMIN + " operator.disabled"), actions.toString());
        assertTrue(actions.contains(ADMIN + " operator.secret"), actions.toString());
    }

    // ---- idle timeout -------------------------------------------------------------------------------------

    @Test
    void theSessionEndsAfterTheIdleTimeoutAndUseRenewsIt() {
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);
        Duration idle = Duration.ofMinutes(5);
        assertTrue(operator.get("/").body().contains("<meta name=\"idle-timeout-seconds\" content=\"300\">"));

        clock.advance(idle.minusSeconds(1));
        assertEquals(200, operator.get("/requests").statusCode(), "used just in time: renewed");
        clock.advance(idle.minusSeconds(60));
        HttpResponse<String> status = operator.get("/session/status");
        assertEquals(60, json(status).get("remainingSeconds").asInt(), "the status check does not renew");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(30, json(operator.get("/session/status")).get("remainingSeconds").asInt());
        HttpResponse<String> ping = operator.postJson("/session/ping", "{}");
        assertEquals(300, json(ping).get("remainingSeconds").asInt(), "\"still here\" renews");

        clock.advance(idle);
        HttpResponse<String> ended = operator.get("/requests");
        assertEquals(303, ended.statusCode());
        assertEquals("/signin?next=%2Frequests&ended=1", location(ended));
        assertTrue(operator.get(location(ended)).body().contains("You were signed out"));
        assertEquals(401, operator.postForm("/import/commit", Map.of("token", List.of("x"))).statusCode());
        assertFalse(json(operator.get("/session/status")).get("signedIn").asBoolean());
        clock.advance(Duration.ofHours(1));
        assertEquals(303, operator.get("/").statusCode(), "an ended session does not come back");
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        SignedInClient operator = SignedInClient.operator(kiosk, port, OPERATOR);
        String cookie = operator.cookie();
        HttpResponse<String> out = operator.postForm("/signout", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals("/signin", location(out));
        HttpResponse<String> replay = operator.send("GET", "/", Map.of("Cookie", cookie), null);
        assertEquals(303, replay.statusCode(), "the old cookie no longer signs in");
    }

    // ---- throttling ---------------------------------------------------------------------------------------

    @Test
    void signInIsThrottledAfterFailuresOverHttp() {
        kiosk.operators().add(OPERATOR, Role.OPERATOR, SignedInClient.SECRET.toCharArray(), "test");
        SignedInClient browser = SignedInClient.signedOut(port, OPERATOR);
        for (int i = 1; i < OperatorService.FREE_ATTEMPTS; i++) {
            HttpResponse<String> wrong = browser.trySignIn("wrong secret " + i);
            assertEquals(401, wrong.statusCode(), "attempt " + i);
            assertTrue(wrong.body().contains("Name or secret not recognised."), wrong.body());
        }
        HttpResponse<String> locking = browser.trySignIn("wrong secret 5");
        assertEquals(429, locking.statusCode());
        assertTrue(locking.body().contains("try again after 30 s"), locking.body());

        HttpResponse<String> right = browser.trySignIn(SignedInClient.SECRET);
        assertEquals(429, right.statusCode(), "the right secret is not even checked while locked");
        assertTrue(right.body().contains("try again after"), right.body());

        clock.advance(Duration.ofSeconds(31));
        assertEquals(303, browser.trySignIn(SignedInClient.SECRET).statusCode());
        assertTrue(browser.get("/").body().contains("Operator: <strong>" + OPERATOR + "</strong>"));
    }

    @Test
    void manyFailuresAcrossNamesSlowEverySignIn() {
        kiosk.operators().add(OPERATOR, Role.OPERATOR, SignedInClient.SECRET.toCharArray(), "test");
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            assertEquals(401, SignedInClient.signedOut(port, "nobody-" + i).trySignIn("guess-" + i).statusCode());
        }
        HttpResponse<String> held = SignedInClient.signedOut(port, OPERATOR).trySignIn(SignedInClient.SECRET);
        assertEquals(429, held.statusCode());
        assertTrue(held.body().contains("Too many failed sign-ins at this kiosk"), held.body());
        clock.advance(SignInThrottle.WINDOW);
        assertEquals(303, SignedInClient.signedOut(port, OPERATOR).trySignIn(SignedInClient.SECRET).statusCode());
    }

    // ---- Host header --------------------------------------------------------------------------------------

    @Test
    void onlyRequestsNamingThisKioskAreAnswered() throws IOException {
        SignedInClient.admin(kiosk, port, ADMIN);
        assertEquals(421, rawStatus("evil.example:" + port));
        assertEquals(421, rawStatus("evil.example"));
        assertEquals(421, rawStatus("127.0.0.1.evil.example:" + port));
        assertEquals(421, rawStatus("127.0.0.1:" + (port + 1)));
        int empty = rawStatus("");
        assertTrue(empty == 400 || empty == 421, "an empty Host: " + empty);
        assertEquals(303, rawStatus("127.0.0.1:" + port));
        assertEquals(303, rawStatus("localhost:" + port));
        assertEquals(303, rawStatus("LOCALHOST:" + port));
        assertEquals(303, rawStatus("[::1]:" + port));
    }

    private int rawStatus(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    /** The set-up form, as a browser that loaded it would post it. */
    private static final class SetUpForm {
        final SignedInClient client;
        private String token;

        SetUpForm(int port) {
            client = SignedInClient.signedOut(port, "setup");
            String page = client.get("/setup").body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(page);
            token = m.find() ? m.group(1) : null;
        }

        void tokenFrom(SetUpForm other) {
            token = other.token;
        }

        HttpResponse<String> post(String name, String secret, String again, boolean withToken) {
            return client.postFormWithToken("/setup", Map.of("name", List.of(name), "secret", List.of(secret),
                    "again", List.of(again)), withToken ? token : null);
        }
    }
}
