package org.gapdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.Product;
import org.gapdesk.audit.AuditVerification;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.config.KioskHome;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.operator.Role;
import org.gapdesk.web.WebServer;

/**
 * The design's load bar: N operators signed in at once (one session and one HTTP client each, real HTTP on
 * the loopback address), each importing small request files ({@code POST /api/import/commit}), then, once every
 * operator's intake is in, keying a CID for every request it created ({@code POST /api/confirm}) and, for the
 * first few, exporting a signed bundle of the lab halfway (through the kiosk's exporter, as the export page
 * does), so that exports run while the others key. A fixed pool of one thread per operator runs them; all start
 * together once every operator has signed in. The request count is bounded by the settings.
 *
 * <p>Afterwards it reads the record and checks that nothing was lost or doubled: one import row per file, one
 * request per machine, every acknowledged CID stored once on its request and in the CID store, one
 * confirmation event per request, no request in two bundles, bundle numbers 1 to n without gaps, and the audit
 * chain intact. The time of every CID entry (the HTTP round trip) is kept for p50/p99/max.
 */
public final class LoadBench {
    /** The secret of the operators this benchmark creates. */
    public static final String SECRET = "load bench secret 42";
    /** Lab of the measured run. */
    public static final String LAB = "LAB-LOAD";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What to run.
     *
     * @param operators operators signed in at once (and threads)
     * @param filesPerOperator request files each operator imports
     * @param machinesPerFile machines (one Windows MAK product each) per file: one CID to key per machine
     * @param exporters how many operators also export a bundle halfway through their CIDs
     * @param cidIntervalMillis 0: each operator sends its next CID as soon as the last is answered (flat out);
     *     otherwise each operator's CIDs are due every this many milliseconds (operators staggered evenly), and
     *     a CID's time runs from when it was due, so a slow answer also counts against the ones queued behind it
     * @param lab the lab the files carry (a new lab gives a fresh run in the same database)
     * @param seed seed of the synthetic IIDs and CIDs
     */
    public record Settings(int operators, int filesPerOperator, int machinesPerFile, int exporters,
            long cidIntervalMillis, String lab, long seed) {
        public Settings {
            if (operators < 1 || filesPerOperator < 1 || machinesPerFile < 1 || exporters < 0
                    || exporters > operators || cidIntervalMillis < 0) {
                throw new IllegalArgumentException("need at least 1 operator, file and machine, at most one"
                        + " export per operator and an interval of 0 or more");
            }
        }

        /** Settings whose operators key flat out (no interval). */
        public Settings(int operators, int filesPerOperator, int machinesPerFile, int exporters, String lab,
                long seed) {
            this(operators, filesPerOperator, machinesPerFile, exporters, 0, lab, seed);
        }

        /**
         * The design's case: 50 operators, 2 files of 10 machines each (1,000 CIDs), 5 exports, each operator
         * keying a CID every 500 ms (100 CIDs a second in all; a CID read over the phone takes a person a
         * minute or more).
         */
        public static Settings standard() {
            return new Settings(50, 2, 10, 5, 500, LAB, 50L);
        }

        /** The same settings with another pace. */
        public Settings paced(long intervalMillis) {
            return new Settings(operators, filesPerOperator, machinesPerFile, exporters, intervalMillis, lab, seed);
        }

        /** The same settings for another lab (and seed), e.g. a warm-up run. */
        public Settings forLab(String otherLab, long otherSeed) {
            return new Settings(operators, filesPerOperator, machinesPerFile, exporters, cidIntervalMillis,
                    otherLab, otherSeed);
        }

        int files() {
            return operators * filesPerOperator;
        }

        int requests() {
            return files() * machinesPerFile;
        }
    }

    /**
     * Latency of one kind of request, in milliseconds (nearest-rank percentiles).
     *
     * @param count requests measured
     * @param p50 median
     * @param p99 99th percentile
     * @param max slowest
     */
    public record Latency(int count, double p50, double p99, double max) {
        static Latency of(List<Double> millis) {
            if (millis.isEmpty()) {
                return new Latency(0, 0, 0, 0);
            }
            double[] s = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Latency(s.length, rank(s, 50), rank(s, 99), s[s.length - 1]);
        }

        private static double rank(double[] sorted, int percent) {
            int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %,d", p50, p99, max, count);
        }
    }

    /**
     * What a run did and found.
     *
     * @param settings what was run
     * @param imports files acknowledged as imported
     * @param cidsAcknowledged CIDs acknowledged as stored ({@code 200} and {@code STORED})
     * @param bundles bundles exported
     * @param cidEntry latency of CID entry
     * @param errors every request that failed or answered something unexpected (empty: none)
     * @param integrity every lost, doubled or inconsistent write found in the record afterwards (empty: none)
     * @param seconds wall-clock time of the run, sign-in excluded
     * @param keyingSeconds wall-clock time from the end of intake to the last CID answered
     */
    public record Result(Settings settings, int imports, int cidsAcknowledged, int bundles, Latency cidEntry,
            List<String> errors, List<String> integrity, double seconds, double keyingSeconds) {
        public Result {
            errors = List.copyOf(errors);
            integrity = List.copyOf(integrity);
        }

        /** CIDs acknowledged per second of keying. */
        public double cidsPerSecond() {
            return keyingSeconds > 0 ? cidsAcknowledged / keyingSeconds : 0;
        }

        /** True when the design's bar holds: p99 under 20 ms, no error, no lost or doubled write. */
        public boolean barMet() {
            return cidEntry.p99() < 20 && errors.isEmpty() && integrity.isEmpty();
        }
    }

    private final Kiosk kiosk;
    private final String baseUrl;
    private final Settings settings;

    /**
     * @param kiosk the kiosk served at {@code baseUrl} (its record is read for the checks; operators are added
     *     to it when missing)
     * @param baseUrl e.g. {@code http://127.0.0.1:7878/}
     */
    public LoadBench(Kiosk kiosk, String baseUrl, Settings settings) {
        this.kiosk = kiosk;
        this.baseUrl = baseUrl;
        this.settings = settings;
    }

    /**
     * A kiosk opened in a fresh folder (a temporary database, never a kiosk's own) and served on the loopback
     * address, for one or more runs. Operator secrets are hashed with the iteration count given (sign-in is not
     * measured).
     */
    public static final class Served implements AutoCloseable {
        private final Kiosk kiosk;
        private final WebServer server;
        private final String url;

        private Served(Kiosk kiosk, WebServer server, int port) {
            this.kiosk = kiosk;
            this.server = server;
            this.url = "http://127.0.0.1:" + port + "/";
        }

        /** Opens the kiosk in {@code home} and starts serving it on 127.0.0.1 (any free port). */
        public static Served open(Path home, int secretIterations) {
            Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), secretIterations);
            try {
                kiosk.key(); // a serving kiosk has its key (serve makes it at start): exports measure exporting
                WebServer server = new WebServer(kiosk);
                return new Served(kiosk, server, server.start("127.0.0.1", 0));
            } catch (RuntimeException e) {
                kiosk.close();
                throw e;
            }
        }

        /** Runs the benchmark once against this kiosk. */
        public Result run(Settings settings) {
            return new LoadBench(kiosk, url, settings).run();
        }

        @Override
        public void close() {
            try {
                server.stop();
            } finally {
                kiosk.close();
            }
        }
    }

    /**
     * Opens a kiosk in {@code home} (a fresh folder), serves it, runs a warm-up of the same size in another lab
     * first when asked (not counted), then the measured run, and closes it.
     */
    public static Result runServed(Path home, Settings settings, int secretIterations, boolean warmUp) {
        try (Served kiosk = Served.open(home, secretIterations)) {
            if (warmUp) {
                kiosk.run(settings.forLab(settings.lab() + "-WARM", settings.seed() + 1));
            }
            return kiosk.run(settings);
        }
    }

    /** The operator names of this benchmark: {@code Load Operator 01} and on. */
    public static String operatorName(int index) {
        return String.format("Load Operator %02d", index + 1);
    }

    /** Runs the operators, then checks the record. */
    public Result run() {
        for (int i = 0; i < settings.operators(); i++) {
            if (kiosk.operators().find(operatorName(i)).isEmpty()) {
                kiosk.operators().add(operatorName(i), Role.OPERATOR, SECRET.toCharArray(), "load benchmark");
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.operators(); i++) {
            clients.add(BenchClient.signIn(http, baseUrl, operatorName(i), SECRET));
        }
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<Double> cidMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger imports = new AtomicInteger();
        AtomicInteger bundles = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong keyingStart = new AtomicLong();
        CyclicBarrier intakeDone = new CyclicBarrier(settings.operators(), () -> keyingStart.set(System.nanoTime()));
        ExecutorService pool = Executors.newFixedThreadPool(settings.operators());
        long start;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < settings.operators(); i++) {
                int op = i;
                done.add(pool.submit(() -> {
                    go.await();
                    operate(op, clients.get(op), intakeDone, acknowledged, cidMillis, errors, imports, bundles);
                    return null;
                }));
            }
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    errors.add("operator thread failed: " + e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        double keying = keyingStart.get() == 0 ? 0 : (end - keyingStart.get()) / 1e9;
        List<String> integrity = check(acknowledged);
        return new Result(settings, imports.get(), acknowledged.size(), bundles.get(), Latency.of(cidMillis), errors,
                integrity, seconds, keying);
    }

    private void operate(int op, BenchClient client, CyclicBarrier intakeDone, Map<Long, String> acknowledged,
            List<Double> cidMillis, List<String> errors, AtomicInteger imports, AtomicInteger bundles)
            throws InterruptedException, BrokenBarrierException {
        SyntheticIds ids = new SyntheticIds(settings.seed() * 1_000 + op);
        String who = operatorName(op);
        List<Long> created = new ArrayList<>();
        for (int f = 0; f < settings.filesPerOperator(); f++) {
            String name = fileName(op, f);
            try {
                BenchClient.Answer a = client.postFile("/api/import/commit", name, requestFile(op, f, ids));
                if (a.status() != 200) {
                    errors.add(name + ": HTTP " + a.status() + " " + shorten(a.body()));
                    continue;
                }
                JsonNode createdIds = JSON.readTree(a.body()).path("createdIds");
                if (createdIds.size() != settings.machinesPerFile()) {
                    errors.add(name + ": " + createdIds.size() + " requests created, not " + settings.machinesPerFile());
                }
                createdIds.forEach(n -> created.add(n.asLong()));
                imports.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                errors.add(name + ": " + e);
            }
        }
        intakeDone.await();
        long interval = settings.cidIntervalMillis() * 1_000_000L;
        long firstDue = System.nanoTime() + interval * op / settings.operators();
        int half = created.size() / 2;
        for (int k = 0; k < created.size(); k++) {
            if (k == half && op < settings.exporters()) {
                export(who, errors, bundles);
            }
            long id = created.get(k);
            String cid = ids.cid48();
            long t0 = System.nanoTime();
            if (interval > 0) {
                long due = firstDue + interval * k;
                if (due > t0) {
                    Thread.sleep((due - t0) / 1_000_000L, (int) ((due - t0) % 1_000_000L));
                }
                t0 = due;
            }
            try {
                BenchClient.Answer a = client.postForm("/api/confirm", Map.of("request", Long.toString(id),
                        "cid", cid));
                cidMillis.add((System.nanoTime() - t0) / 1e6);
                String status = a.status() == 200 ? JSON.readTree(a.body()).path("status").asText() : "";
                if (!"STORED".equals(status)) {
                    errors.add("CID for request " + id + ": HTTP " + a.status() + " " + shorten(a.body()));
                    continue;
                }
                if (acknowledged.putIfAbsent(id, cid) != null) {
                    errors.add("request " + id + " was handed out twice");
                }
            } catch (IOException | RuntimeException e) {
                errors.add("CID for request " + id + ": " + e);
            }
        }
    }

    private void export(String who, List<String> errors, AtomicInteger bundles) {
        try {
            ExportResult r = kiosk.bundles().exportZip(settings.lab(), null, who);
            if (r.zip() == null || r.zip().length == 0) {
                errors.add("export by " + who + " gave no zip");
            }
            bundles.incrementAndGet();
        } catch (BundleException e) {
            if (!e.getMessage().startsWith("nothing to export")) {
                errors.add("export by " + who + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            errors.add("export by " + who + ": " + e);
        }
    }

    private String fileName(int op, int file) {
        return String.format("load-%02d-%d-%s.json", op + 1, file + 1, settings.lab());
    }

    private byte[] requestFile(int op, int file, SyntheticIds ids) {
        RequestFileBuilder b = new RequestFileBuilder(settings.lab()).collector("gapdesk bench load (synthetic data)");
        for (int m = 0; m < settings.machinesPerFile(); m++) {
            b.machine(new MachineEntry(String.format("L%02d-F%d-PC%02d", op + 1, file + 1, m + 1), false,
                    List.of(new ProductEntry(DemoLab.WINDOWS_MAK_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                            "Volume MAK channel (benchmark data)", "Volume:MAK", "BENCH", 5, ids.iid63()))));
        }
        return b.toBytes(false);
    }

    /** Reads the record back and lists every lost, doubled or inconsistent write (empty: none). */
    List<String> check(Map<Long, String> acknowledged) {
        List<String> problems = new ArrayList<>();
        String lab = settings.lab();
        kiosk.database().read(c -> {
            long files = count(c, "SELECT COUNT(*) FROM import_file WHERE file_name LIKE ?", "load-%-" + lab + ".json");
            if (files != settings.files()) {
                problems.add(files + " import rows for " + settings.files() + " files");
            }
            long requests = count(c, "SELECT COUNT(*) FROM activation_request r JOIN machine m ON m.id = r.machine_id"
                    + " WHERE m.lab = ?", lab);
            if (requests != settings.requests()) {
                problems.add(requests + " requests for " + settings.requests() + " machines");
            }
            Map<Long, String[]> stored = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.cid, r.state, s.cid FROM activation_request r"
                    + " JOIN machine m ON m.id = r.machine_id LEFT JOIN confirmation s ON s.iid = r.iid"
                    + " WHERE m.lab = ?")) {
                ps.setString(1, lab);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                String[] row = stored.get(e.getKey());
                if (row == null) {
                    problems.add("request " + e.getKey() + " is missing");
                } else if (!e.getValue().equals(row[0]) || !e.getValue().equals(row[2])) {
                    problems.add("request " + e.getKey() + ": acknowledged CID not on record (request " + row[0]
                            + ", store " + row[2] + ")");
                }
            }
            long withCid = stored.values().stream().filter(r -> r[0] != null).count();
            if (withCid != acknowledged.size()) {
                problems.add(withCid + " requests hold a CID, " + acknowledged.size() + " were acknowledged");
            }
            Map<Long, Long> confirmEvents = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.request_id, COUNT(*) FROM request_event e"
                    + " JOIN activation_request r ON r.id = e.request_id JOIN machine m ON m.id = r.machine_id"
                    + " WHERE m.lab = ? AND e.to_state = 'CONFIRMED' GROUP BY e.request_id")) {
                ps.setString(1, lab);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        confirmEvents.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            for (Long id : acknowledged.keySet()) {
                long n = confirmEvents.getOrDefault(id, 0L);
                if (n != 1) {
                    problems.add("request " + id + " has " + n + " confirmation events");
                }
            }
            long doubleExported = count(c, "SELECT COUNT(*) FROM (SELECT e.request_id FROM bundle_entry e"
                    + " JOIN bundle b ON b.id = e.bundle_id WHERE b.lab = ? AND b.status = 'WRITTEN'"
                    + " GROUP BY e.request_id HAVING COUNT(*) > 1) d", lab);
            if (doubleExported != 0) {
                problems.add(doubleExported + " requests are in more than one bundle");
            }
            long bundleCount = count(c, "SELECT COUNT(*) FROM bundle WHERE lab = ?", lab);
            long maxSeq = count(c, "SELECT COALESCE(MAX(sequence), 0) FROM bundle WHERE lab = ?", lab);
            if (bundleCount != maxSeq) {
                problems.add(bundleCount + " bundles numbered up to " + maxSeq);
            }
            return null;
        });
        AuditVerification audit = kiosk.audit().verify();
        if (!audit.intact()) {
            problems.add("audit chain: " + audit.describe());
        }
        return problems;
    }

    private static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
