package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gapdesk.activation.Product;
import org.gapdesk.audit.AuditVerification;
import org.gapdesk.bench.BenchClient;
import org.gapdesk.cli.GapdeskCommand;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.operator.Role;
import org.gapdesk.web.SignedInClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the kiosk runs as its own process ({@code gapdesk serve}) while operators import files, key
 * CIDs and export bundles ({@code POST /api/bundles}) over HTTP from several threads; after a number of acknowledged operations drawn from a fixed seed the
 * process is killed with SIGKILL (no shutdown hook runs, nothing is flushed by the kiosk), and a
 * {@code gapdesk export} process is killed as soon as its bundle folder appears. After each kill the home is
 * opened again and must show: every CID acknowledged ({@code 200}, {@code STORED}) on record, no CID that was
 * never sent, every import file whole or absent, every bundle acknowledged ({@code 201}) written with the
 * manifest it was answered with, no bundle number reused or reassigned, every bundle written to a folder on
 * disk as recorded, and an intact audit chain. Then the kiosk is started again on the same home for the next
 * round.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrashIT {
    private static final long SEED = 20_261_123L;
    private static final int ROUNDS = 4;
    /** A lab of the shipped site.json: the export API takes only the site's labs. */
    private static final String LAB = "LAB-A";
    private static final String ADMIN = "Crash Admin";
    private static final List<String> OPERATORS = List.of("Crash Operator 1", "Crash Operator 2", "Crash Operator 3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("Gapdesk is serving .* at (http://\\S+)");

    @TempDir
    Path home;
    @TempDir
    Path usb;

    /** Everything sent and acknowledged over all rounds. */
    private final Map<String, Integer> filesSent = new ConcurrentHashMap<>();
    private final Map<String, Integer> filesAcknowledged = new ConcurrentHashMap<>();
    private final Map<Long, String> cidsSent = new ConcurrentHashMap<>();
    private final Map<Long, String> cidsAcknowledged = new ConcurrentHashMap<>();
    private final Map<Long, String> bundleManifests = new ConcurrentHashMap<>();
    /** Bundles {@code POST /api/bundles} answered 201 for: sequence to manifest SHA-256. */
    private final Map<Long, String> bundlesAcknowledged = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aKillAtAnyPointLosesNoAcknowledgedWriteHalvesNoFileReusesNoBundleNumberAndKeepsTheAuditChain()
            throws Exception {
        try (Kiosk kiosk = SignedInClient.openKiosk(home)) {
            kiosk.operators().add(ADMIN, Role.ADMIN, SignedInClient.SECRET.toCharArray(), "test");
            for (String op : OPERATORS) {
                kiosk.operators().add(op, Role.OPERATOR, SignedInClient.SECRET.toCharArray(), ADMIN);
            }
        }
        Random plan = new Random(SEED);
        int killed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 6 + plan.nextInt(30);
            killed += serveAndKill(round, killAfter);
            checkRecord("after the kill of round " + round);
            if (round % 2 == 0) {
                exportAndKillWhenTheFolderAppears(round);
            } else {
                exportToTheEnd(round);
            }
            checkRecord("after the export of round " + round);
        }
        assertEquals(ROUNDS, killed, "every round's kiosk was killed while operators were working");
        assertEquals(List.of(), errors, "no operation failed other than by the kill");
        assertTrue(cidsAcknowledged.size() >= ROUNDS * 3, "CIDs acknowledged: " + cidsAcknowledged.size());
        assertEquals(0, GapdeskCommand.commandLine().execute("--home", home.toString(), "audit", "verify"),
                "gapdesk audit verify");
        String bundles;
        try (Kiosk kiosk = SignedInClient.openKiosk(home)) {
            bundles = kiosk.database().read(c -> {
                StringBuilder sb = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("SELECT sequence, status FROM bundle ORDER BY sequence");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sb.append(sb.length() == 0 ? "" : ", ").append(rs.getLong(1)).append(' ').append(rs.getString(2));
                    }
                }
                return sb.toString();
            });
        }
        System.out.printf("CrashIT: %d rounds, %d files acknowledged of %d sent, %d CIDs acknowledged of %d sent,"
                + " %d bundles acknowledged over the API; bundles %s%n", ROUNDS, filesAcknowledged.size(),
                filesSent.size(), cidsAcknowledged.size(), cidsSent.size(), bundlesAcknowledged.size(), bundles);
    }

    /**
     * Starts the kiosk, lets one importer, two CID keyers and an exporter work, and kills it after
     * {@code killAfter} acknowledged operations.
     */
    private int serveAndKill(int round, int killAfter) throws Exception {
        KioskProcess kiosk = KioskProcess.serve(home);
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<Long> toKey = new LinkedBlockingQueue<>();
        Runnable ack = () -> {
            if (acks.incrementAndGet() == killAfter) {
                enough.countDown();
            }
        };
        BlockingQueue<Integer> exportDue = new LinkedBlockingQueue<>();
        Runnable keyed = () -> {
            if (cidsAcknowledged.size() % 4 == 0) {
                exportDue.add(1);
            }
            ack.run();
        };
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Thread> workers = new ArrayList<>();
        BenchClient importer = BenchClient.signIn(http, kiosk.url(), OPERATORS.get(0), SignedInClient.SECRET);
        workers.add(new Thread(() -> importLoop(importer, round, stop, toKey, ack), "importer"));
        for (int k = 1; k <= 2; k++) {
            BenchClient keyer = BenchClient.signIn(http, kiosk.url(), OPERATORS.get(k), SignedInClient.SECRET);
            long seed = SEED * 10 + round * 2L + k;
            workers.add(new Thread(() -> keyLoop(keyer, seed, stop, toKey, keyed), "keyer-" + k));
        }
        BenchClient exporter = BenchClient.signIn(http, kiosk.url(), ADMIN, SignedInClient.SECRET);
        workers.add(new Thread(() -> exportLoop(exporter, stop, exportDue, ack), "exporter"));
        workers.forEach(Thread::start);
        boolean reached = enough.await(60, TimeUnit.SECONDS);
        kiosk.kill();
        stop.set(true);
        for (Thread t : workers) {
            t.join(30_000);
        }
        assertTrue(reached, "round " + round + ": " + acks.get() + " of " + killAfter
                + " operations acknowledged before the time limit; errors: " + errors + "\n" + kiosk.output());
        return 1;
    }

    private void importLoop(BenchClient client, int round, AtomicBoolean stop, BlockingQueue<Long> toKey,
            Runnable ack) {
        Random sizes = new Random(SEED + round);
        SyntheticIds ids = new SyntheticIds(SEED + 100 + round);
        for (int f = 1; !stop.get(); f++) {
            int machines = 1 + sizes.nextInt(4);
            String name = String.format("crash-r%d-%03d.json", round, f);
            RequestFileBuilder b = new RequestFileBuilder(LAB);
            for (int m = 1; m <= machines; m++) {
                b.machine(new MachineEntry(String.format("R%d-F%03d-PC%d", round, f, m), false,
                        List.of(new ProductEntry(DemoLab.WINDOWS_MAK_ID, Product.WINDOWS_APP_ID,
                                "Windows 11 Enterprise", "Volume MAK channel (test data)", "Volume:MAK", "CRASH", 5,
                                ids.iid63()))));
            }
            filesSent.put(name, machines);
            BenchClient.Answer a;
            try {
                a = client.postFile("/api/import/commit", name, b.toBytes(false));
            } catch (RuntimeException killed) {
                return;
            }
            if (a.status() != 200) {
                errors.add(name + ": HTTP " + a.status() + " " + a.body());
                return;
            }
            JsonNode created = read(a.body()).path("createdIds");
            if (created.size() != machines) {
                errors.add(name + ": " + created.size() + " requests created for " + machines + " machines");
            }
            filesAcknowledged.put(name, machines);
            created.forEach(id -> toKey.add(id.asLong()));
            ack.run();
        }
    }

    private void keyLoop(BenchClient client, long seed, AtomicBoolean stop, BlockingQueue<Long> toKey,
            Runnable ack) {
        SyntheticIds ids = new SyntheticIds(seed);
        while (!stop.get()) {
            Long id;
            try {
                id = toKey.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (id == null) {
                continue;
            }
            String cid = ids.cid48();
            cidsSent.put(id, cid);
            BenchClient.Answer a;
            try {
                a = client.postForm("/api/confirm", Map.of("request", id.toString(), "cid", cid));
            } catch (RuntimeException killed) {
                return;
            }
            String status = a.status() == 200 ? read(a.body()).path("status").asText() : "";
            if (!"STORED".equals(status)) {
                errors.add("CID for request " + id + ": HTTP " + a.status() + " " + a.body());
                return;
            }
            cidsAcknowledged.put(id, cid);
            ack.run();
        }
    }

    /** Exports the lab over {@code POST /api/bundles} each time four more CIDs were acknowledged. */
    private void exportLoop(BenchClient client, AtomicBoolean stop, BlockingQueue<Integer> due, Runnable ack) {
        while (!stop.get()) {
            try {
                if (due.poll(100, TimeUnit.MILLISECONDS) == null) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            BenchClient.Answer a;
            try {
                a = client.postForm("/api/bundles", Map.of("lab", LAB));
            } catch (RuntimeException killed) {
                return;
            }
            if (a.status() == 201) {
                JsonNode b = read(a.body());
                bundlesAcknowledged.put(b.path("sequence").asLong(), b.path("manifestSha256").asText());
                ack.run();
            } else if (a.status() != 409) {
                errors.add("export: HTTP " + a.status() + " " + a.body());
                return;
            }
        }
    }

    /** {@code gapdesk export} in its own process, killed as soon as its bundle folder shows up on the stick. */
    private void exportAndKillWhenTheFolderAppears(int round) throws Exception {
        Path out = Files.createDirectories(usb.resolve("round-" + round));
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            out.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            KioskProcess export = KioskProcess.start(home, "export", "--lab", LAB, "--out", out.toString());
            while (export.process.isAlive() && watch.poll(50, TimeUnit.MILLISECONDS) == null) {
                // wait for the first file system event in the folder, or the end of the export
            }
            export.kill();
        }
    }

    /** {@code gapdesk export} in its own process, left to finish. */
    private void exportToTheEnd(int round) throws Exception {
        Path out = Files.createDirectories(usb.resolve("round-" + round));
        KioskProcess export = KioskProcess.start(home, "export", "--lab", LAB, "--out", out.toString());
        assertEquals(0, export.finish(), export.output());
        assertTrue(export.output().contains("Bundle exported"), export.output());
    }

    /** Opens the home in this process (the kiosk process is gone) and checks the record against the ledger. */
    private void checkRecord(String when) {
        try (Kiosk kiosk = SignedInClient.openKiosk(home)) {
            kiosk.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT f.file_name, COUNT(r.id) FROM import_file f"
                        + " LEFT JOIN activation_request r ON r.import_id = f.id GROUP BY f.id, f.file_name");
                        ResultSet rs = ps.executeQuery()) {
                    Map<String, Integer> seen = new java.util.HashMap<>();
                    while (rs.next()) {
                        String name = rs.getString(1);
                        Integer machines = filesSent.get(name);
                        assertNotNull(machines, when + ": an import row for a file never sent: " + name);
                        assertEquals(machines.intValue(), rs.getInt(2), when + ": " + name + " is half imported");
                        assertEquals(null, seen.put(name, 1), when + ": " + name + " imported twice");
                    }
                    for (String name : filesAcknowledged.keySet()) {
                        assertTrue(seen.containsKey(name), when + ": acknowledged file " + name + " is missing");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.cid, r.state, s.cid"
                        + " FROM activation_request r LEFT JOIN confirmation s ON s.iid = r.iid");
                        ResultSet rs = ps.executeQuery()) {
                    int withCid = 0;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        String cid = rs.getString(2);
                        String state = rs.getString(3);
                        if (cid != null) {
                            withCid++;
                            assertEquals(cidsSent.get(id), cid, when + ": request " + id + " holds a CID never sent");
                            assertEquals(cid, rs.getString(4), when + ": request " + id + " and the CID store differ");
                            assertTrue(state.equals("CONFIRMED") || state.equals("EXPORTED"), when + ": " + state);
                        } else {
                            assertEquals("RECEIVED", state, when + ": request " + id + " without a CID");
                        }
                        String acked = cidsAcknowledged.get(id);
                        if (acked != null) {
                            assertEquals(acked, cid, when + ": acknowledged CID of request " + id + " lost");
                        }
                    }
                    assertTrue(withCid >= cidsAcknowledged.size(), when);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT sequence, status, manifest_sha256, destination FROM bundle"
                        + " WHERE lab = ? ORDER BY sequence")) {
                    ps.setString(1, LAB);
                    try (ResultSet rs = ps.executeQuery()) {
                        long expected = 1;
                        java.util.Set<Long> seen = new java.util.HashSet<>();
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            assertEquals(expected++, seq, when + ": bundle numbers run 1, 2, 3 ...");
                            seen.add(seq);
                            String sha = rs.getString(3);
                            String before = bundleManifests.putIfAbsent(seq, sha);
                            assertTrue(before == null || before.equals(sha), when + ": bundle number " + seq
                                    + " was given to a second bundle");
                            String acked = bundlesAcknowledged.get(seq);
                            if (acked != null) {
                                assertEquals(acked, sha, when + ": acknowledged bundle " + seq + " is another");
                                assertEquals("WRITTEN", rs.getString(2), when + ": acknowledged bundle " + seq);
                            }
                            if (rs.getString(2).equals("WRITTEN") && !"download".equals(rs.getString(4))) {
                                assertWrittenOnDisk(seq, sha, when);
                            }
                        }
                        for (Long acked : bundlesAcknowledged.keySet()) {
                            assertTrue(seen.contains(acked), when + ": acknowledged bundle " + acked + " is missing");
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT e.request_id FROM bundle_entry e"
                        + " JOIN bundle b ON b.id = e.bundle_id WHERE b.status = 'WRITTEN'"
                        + " GROUP BY e.request_id HAVING COUNT(*) > 1");
                        ResultSet rs = ps.executeQuery()) {
                    assertTrue(!rs.next(), when + ": a request is in two written bundles");
                }
                return null;
            });
            AuditVerification audit = kiosk.audit().verify();
            assertTrue(audit.intact(), when + ": " + audit.describe());
        }
    }

    private void assertWrittenOnDisk(long seq, String manifestSha, String when) {
        String folder = "gapdesk-bundle-" + LAB + "-" + seq;
        try (var rounds = Files.list(usb)) {
            List<Path> found = rounds.map(r -> r.resolve(folder)).filter(Files::isDirectory).toList();
            assertEquals(1, found.size(), when + ": written bundle " + folder + " on the stick");
            byte[] manifest = Files.readAllBytes(found.get(0).resolve("manifest.json"));
            assertEquals(manifestSha, sha256(manifest), when + ": " + folder + " is the bundle recorded");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A {@code gapdesk} command in its own JVM, on this test's class path, its output kept. */
    private static final class KioskProcess {
        final Process process;
        final StringBuffer output = new StringBuffer();
        final CompletableFuture<String> url = new CompletableFuture<>();
        private Thread drain;

        private KioskProcess(Process process) {
            this.process = process;
        }

        /** Starts {@code gapdesk --home HOME command...}, signed in as the admin when the command asks. */
        static KioskProcess start(Path home, String... command) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dgapdesk.secretIterations="
                    + SignedInClient.TEST_ITERATIONS, "-cp", System.getProperty("java.class.path"),
                    "org.gapdesk.Gapdesk", "--home", home.toString()));
            cmd.addAll(List.of(command));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("GAPDESK_OPERATOR", ADMIN);
            pb.environment().put("GAPDESK_SECRET", SignedInClient.SECRET);
            KioskProcess k = new KioskProcess(pb.start());
            k.process.getOutputStream().close();
            k.drain = new Thread(k::drain, "gapdesk-output");
            k.drain.setDaemon(true);
            k.drain.start();
            return k;
        }

        /** Starts {@code gapdesk serve --port 0} and waits for the address it prints. */
        static KioskProcess serve(Path home) throws Exception {
            KioskProcess k = start(home, "serve", "--port", "0");
            k.url.get(60, TimeUnit.SECONDS);
            return k;
        }

        /** Waits for the process to end and its output to be read; answers its exit code. */
        int finish() throws InterruptedException {
            int code = process.waitFor();
            drain.join();
            return code;
        }

        String url() {
            return url.join();
        }

        private void drain() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
            url.completeExceptionally(new AssertionError("gapdesk printed no address:\n" + output));
        }

        /** SIGKILL on Linux; waits until the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        String output() {
            return output.toString();
        }
    }
}
