package org.gapdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gapdesk.Kiosk;
import org.gapdesk.config.KioskHome;
import org.gapdesk.operator.Role;
import org.gapdesk.store.TestDatabase;

/**
 * A browser signed in at the kiosk under test, for integration tests: it keeps the session cookie and the
 * CSRF token, and sends the token with every state-changing request (form field {@code _csrf}, or header
 * {@code X-CSRF-Token} for JSON).
 *
 * <pre>{@code
 * kiosk = SignedInClient.openKiosk(home);                 // fast secret hashing for tests
 * port = new WebServer(kiosk).start("127.0.0.1", 0);
 * SignedInClient admin = SignedInClient.admin(kiosk, port, "Ada Admin");
 * SignedInClient op = SignedInClient.operator(kiosk, port, "Otto Operator");
 * op.postForm("/import/commit", Map.of("token", List.of(t)));
 * }</pre>
 */
public final class SignedInClient {
    /** The password every operator made by this helper has. */
    public static final String SECRET = "correct horse 42";
    /** PBKDF2 iterations for kiosks opened by {@link #openKiosk}: fast, for tests only. */
    public static final int TEST_ITERATIONS = 1_000;

    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String name;
    private String cookie;
    private String csrf;

    private SignedInClient(int port, String name) {
        this.base = "http://127.0.0.1:" + port;
        this.name = name;
    }

    /** Opens a kiosk in {@code home} (system clock) whose operator secrets hash quickly. */
    public static Kiosk openKiosk(Path home) {
        return openKiosk(home, Clock.systemUTC());
    }

    /** Opens a kiosk in {@code home} with {@code clock} whose operator secrets hash quickly. */
    public static Kiosk openKiosk(Path home, Clock clock) {
        TestDatabase.prepareHome(home);
        return Kiosk.open(KioskHome.of(home), clock, TEST_ITERATIONS);
    }

    /** Makes {@code name} an admin (when not yet an operator) and signs in as them. */
    public static SignedInClient admin(Kiosk kiosk, int port, String name) {
        return as(kiosk, port, name, Role.ADMIN);
    }

    /** Makes {@code name} an operator (when not yet one) and signs in as them. */
    public static SignedInClient operator(Kiosk kiosk, int port, String name) {
        return as(kiosk, port, name, Role.OPERATOR);
    }

    private static SignedInClient as(Kiosk kiosk, int port, String name, Role role) {
        if (kiosk.operators().find(name).isEmpty()) {
            kiosk.operators().add(name, role, SECRET.toCharArray(), "test");
        }
        return signIn(port, name, SECRET);
    }

    /**
     * Signs in over HTTP with the sign-in form.
     *
     * @throws AssertionError when the kiosk does not sign the operator in
     */
    public static SignedInClient signIn(int port, String name, String secret) {
        SignedInClient c = new SignedInClient(port, name);
        HttpResponse<String> r = c.trySignIn(secret);
        if (r.statusCode() != 303 || c.cookie == null || !c.cookie.contains(SessionOperatorResolver.COOKIE + "=")) {
            throw new AssertionError("sign-in as " + name + " failed: " + r.statusCode() + "\n" + r.body());
        }
        c.refreshCsrf();
        return c;
    }

    /**
     * A client that has not signed in; {@link #trySignIn} signs it in (for tests of sign-in itself).
     */
    public static SignedInClient signedOut(int port, String name) {
        return new SignedInClient(port, name);
    }

    /** Posts the sign-in form (with a valid sign-in token) and answers what the kiosk said. */
    public HttpResponse<String> trySignIn(String secret) {
        HttpResponse<String> form = get("/signin");
        Matcher m = FORM_TOKEN.matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("no _csrf field on the sign-in page: " + form.statusCode() + "\n" + form.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", unescape(m.group(1)));
        fields.put("name", name);
        fields.put("secret", secret);
        fields.put("next", "/");
        HttpResponse<String> r = send(request("/signin").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
        if (r.statusCode() == 303 && cookie != null && cookie.contains(SessionOperatorResolver.COOKIE + "=")) {
            refreshCsrf();
        }
        return r;
    }

    /** The operator's name. */
    public String name() {
        return name;
    }

    /** The session's CSRF token, as the layout's {@code <meta name="csrf-token">} gives it. */
    public String csrf() {
        return csrf;
    }

    /** The {@code Cookie} header value this client sends (session and sign-in cookies). */
    public String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the CSRF token added as {@code _csrf}. */
    public HttpResponse<String> postForm(String path, Map<String, List<String>> fields) {
        return postFormWithToken(path, fields, csrf);
    }

    /** Posts a form of single values with the CSRF token added as {@code _csrf}. */
    public HttpResponse<String> postFields(String path, Map<String, String> fields) {
        return postForm(path, fields.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
    }

    /** Posts a form with {@code token} as {@code _csrf} (null: no token at all). */
    public HttpResponse<String> postFormWithToken(String path, Map<String, List<String>> fields, String token) {
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append("_csrf=").append(enc(token));
        }
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            for (String v : e.getValue()) {
                body.append(body.length() == 0 ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a multipart form with the CSRF token added as the first field {@code _csrf}. */
    public HttpResponse<String> postMultipart(String path, WebClient.Multipart body) {
        return postMultipartWithToken(path, body, csrf);
    }

    /** Posts a multipart form with {@code token} as {@code _csrf} (null: no token at all). */
    public HttpResponse<String> postMultipartWithToken(String path, WebClient.Multipart body, String token) {
        WebClient.Multipart all = new WebClient.Multipart();
        if (token != null) {
            all.field("_csrf", token);
        }
        all.append(body);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary="
                + WebClient.Multipart.BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(all.bytes())));
    }

    /** Posts JSON with the CSRF token in the header {@code X-CSRF-Token}. */
    public HttpResponse<String> postJson(String path, String json) {
        return postJsonWithToken(path, json, csrf);
    }

    /** Posts JSON with {@code token} in the header (null: no header). */
    public HttpResponse<String> postJsonWithToken(String path, String json, String token) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends any request built on this client's base address and cookie (for headers tests need to set). */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = request(path);
        headers.forEach(b::header);
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Reads the CSRF token again from a page (after a sign-in). */
    public void refreshCsrf() {
        HttpResponse<String> page = get("/");
        Matcher m = META.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta tag for a signed-in page: " + page.statusCode() + "\n"
                    + page.body());
        }
        csrf = unescape(m.group(1));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            keepCookies(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the cookies the kiosk sets (a cookie set empty or with Max-Age=0 is dropped). */
    private void keepCookies(HttpResponse<String> r) {
        Map<String, String> jar = new LinkedHashMap<>();
        if (cookie != null) {
            for (String part : cookie.split("; ")) {
                int eq = part.indexOf('=');
                jar.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        for (String set : r.headers().allValues("Set-Cookie")) {
            String first = set.split(";", 2)[0];
            int eq = first.indexOf('=');
            String k = first.substring(0, eq).strip();
            String v = first.substring(eq + 1).strip();
            if (v.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                jar.remove(k);
            } else {
                jar.put(k, v);
            }
        }
        cookie = jar.isEmpty() ? null : jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/").replace("&amp;", "&");
    }
}
