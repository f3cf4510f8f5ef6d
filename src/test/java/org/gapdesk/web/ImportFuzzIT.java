package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gapdesk.Kiosk;
import org.gapdesk.fuzz.FuzzTries;
import org.gapdesk.fuzz.Mutator;
import org.gapdesk.fuzz.RowCounts;
import org.gapdesk.fuzz.Seeds;
import org.gapdesk.intake.UploadedFile;

/**
 * Mutated files, hostile file names and broken multipart bodies posted to {@code /api/import/preview} and
 * {@code /api/import/commit} by a signed-in operator, against the app on a random port with a real H2 file database.
 * No answer is a server error; a preview stores nothing; a commit that is refused stores nothing, and one that is
 * answered stores exactly the requests it names and one import record per accepted file.
 */
@AddLifecycleHook(FuzzTries.class)
class ImportFuzzIT {
    static final List<UploadedFile> SEEDS = Seeds.intakeFiles();
    static Path home;
    static Kiosk kiosk;
    static WebServer server;
    static int port;
    static SignedInClient ana;

    @BeforeContainer
    static void start() throws IOException {
        home = Files.createTempDirectory("import-fuzz");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/site.json"), """
                { "siteName": "Fuzz Site", "kioskId": "kiosk-f", "bindHost": "127.0.0.1",
                  "labs": [ { "code": "LAB-A", "name": "Lab A" } ] }
                """);
        kiosk = SignedInClient.openKiosk(home);
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        ana = SignedInClient.operator(kiosk, port, "Ana Lee");
    }

    @AfterContainer
    static void stop() throws IOException {
        server.stop();
        kiosk.close();
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, byte[]>>> uploads() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(SEEDS.stream().map(UploadedFile::name).toList()),
                Arbitraries.of("../../etc/passwd", "C:\\Windows\\x.csv", "a\"b.json", "x.json\r\nX-Evil: 1", "",
                        "%00.json", "\u202Etxt.exe", "x".repeat(400) + ".csv"));
        Arbitrary<byte[]> bodies = Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                Arbitraries.longs(), Arbitraries.integers().between(0, 5))
                .as((i, seed, rounds) -> Mutator.mutate(SEEDS.get(i).bytes(), new Random(seed), rounds));
        return Combinators.combine(names, bodies).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3);
    }

    static WebClient.Multipart multipart(List<Tuple.Tuple2<String, byte[]>> files) {
        WebClient.Multipart m = new WebClient.Multipart();
        for (Tuple.Tuple2<String, byte[]> f : files) {
            m.file("files", f.get1().replace("\r", "").replace("\n", ""), f.get2());
        }
        return m;
    }

    @Property(tries = 150)
    void previewNeverFailsAndNeverStores(@ForAll("uploads") List<Tuple.Tuple2<String, byte[]>> files) {
        Map<String, Long> before = RowCounts.of(kiosk.database());
        HttpResponse<String> r = ana.postMultipart("/api/import/preview", multipart(files));
        assertTrue(r.statusCode() < 500, () -> r.statusCode() + " " + r.body());
        assertEquals(before, RowCounts.of(kiosk.database()), "a preview stored something");
    }

    @Property(tries = 150)
    void commitStoresAllItAnswersOrNothing(@ForAll("uploads") List<Tuple.Tuple2<String, byte[]>> files) {
        Map<String, Long> before = RowCounts.of(kiosk.database());
        checkCommit(ana.postMultipart("/api/import/commit", multipart(files)), before);
    }

    /** Checks a commit's answer against what the record shows now, given the counts before it. */
    static void checkCommit(HttpResponse<String> r, Map<String, Long> before) {
        assertTrue(r.statusCode() < 500, () -> r.statusCode() + " " + r.body());
        Map<String, Long> after = RowCounts.of(kiosk.database(), "audit_log", "audit_head");
        before.remove("audit_log");
        before.remove("audit_head");
        if (r.statusCode() != 200) {
            assertEquals(before, after, () -> "a refused commit stored something: " + r.statusCode() + " " + r.body());
            return;
        }
        JsonNode json;
        try {
            json = WebClient.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
        long accepted = 0;
        for (JsonNode f : json.get("files")) {
            accepted += f.get("rejected").asBoolean() ? 0 : 1;
        }
        assertEquals(json.get("createdIds").size(), after.get("activation_request") - before.get("activation_request"));
        assertEquals(json.get("stored").asLong(), json.get("createdIds").size());
        assertEquals(accepted, after.get("import_file") - before.get("import_file"));
    }

    @Provide
    Arbitrary<byte[]> brokenBodies() {
        byte[] good = multipart(List.of(Tuple.of("lab-a.json", SEEDS.get(0).bytes()),
                Tuple.of("PC-1.txt", SEEDS.get(3).bytes()))).bytes();
        return Mutator.mutants(List.of(good));
    }

    @Property(tries = 150)
    void brokenMultipartBodiesAreRefusedOrReadNeverAServerError(@ForAll("brokenBodies") byte[] body,
            @ForAll boolean commit) throws Exception {
        Map<String, Long> before = RowCounts.of(kiosk.database());
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import/"
                + (commit ? "commit" : "preview"))).timeout(Duration.ofSeconds(30))
                .header("Cookie", ana.cookie()).header("X-CSRF-Token", ana.csrf())
                .header("Content-Type", "multipart/form-data; boundary=" + WebClient.Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // a fresh client a try: the server may close a connection after refusing a body it did not read
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            // Refused before the client had sent the whole body, and the connection closed under the client's
            // feet (a broken pipe): no answer, but no server error either. Nothing may be stored, and the
            // kiosk must go on answering.
            assertEquals(before, RowCounts.of(kiosk.database()), "a refused body stored something");
            assertEquals(200, ana.get("/api/requests").statusCode(), "the kiosk still answers");
            return;
        }
        if (commit) {
            checkCommit(r, before);
        } else {
            assertTrue(r.statusCode() < 500, () -> r.statusCode() + " " + r.body());
            assertEquals(before, RowCounts.of(kiosk.database()));
        }
    }

    @Example
    void theSeedsCommitOverHttp() {
        Map<String, Long> before = RowCounts.of(kiosk.database());
        HttpResponse<String> r = ana.postMultipart("/api/import/commit", multipart(SEEDS.stream()
                .map(f -> Tuple.of(f.name(), f.bytes())).toList()));
        assertEquals(200, r.statusCode(), r.body());
        checkCommit(r, before);
    }
}
