package org.gapdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One operator's browser for the load benchmark: signs in with the sign-in form, keeps the session cookie and
 * the CSRF token, and sends the token with every state-changing request. Talks plain HTTP to a kiosk on this
 * computer; one instance per operator, used by one thread at a time.
 */
public final class BenchClient {
    private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final String BOUNDARY = "gapdesk-bench-boundary-7d1e";

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body body text
     */
    public record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    private BenchClient(HttpClient http, String base) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Signs in at the kiosk at {@code baseUrl} (e.g. {@code http://127.0.0.1:7878/}).
     *
     * @throws IllegalStateException when the kiosk does not sign the operator in
     */
    public static BenchClient signIn(HttpClient http, String baseUrl, String name, String secret) {
        BenchClient c = new BenchClient(http, baseUrl);
        Answer form = c.get("/signin");
        Matcher m = FORM_TOKEN.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no sign-in form at " + baseUrl + ": HTTP " + form.status());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", unescape(m.group(1)));
        fields.put("name", name);
        fields.put("secret", secret);
        fields.put("next", "/");
        Answer r = c.send(c.request("/signin").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
        if (r.status() != 303) {
            throw new IllegalStateException("sign-in as " + name + " refused: HTTP " + r.status());
        }
        Matcher meta = META.matcher(c.get("/").body());
        if (!meta.find()) {
            throw new IllegalStateException("no CSRF token on the overview page after signing in as " + name);
        }
        c.csrf = unescape(meta.group(1));
        return c;
    }

    /** GET {@code path}. */
    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** Posts form fields (URL-encoded) with the CSRF token in the {@code X-CSRF-Token} header. */
    public Answer postForm(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** Posts one file as the multipart part {@code files}, with the CSRF token as the first field. */
    public Answer postFile(String path, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : r.headers().allValues("Set-Cookie")) {
                String first = set.split(";", 2)[0];
                int eq = first.indexOf('=');
                String k = first.substring(0, eq).strip();
                String v = first.substring(eq + 1).strip();
                if (v.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(k);
                } else {
                    cookies.put(k, v);
                }
            }
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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
