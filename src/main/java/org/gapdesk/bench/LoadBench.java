package org.gapdesk.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gapdesk.Kiosk;
import org.gapdesk.operator.Role;

/**
 * The design's load bar: N operators signed in at once (one session and one HTTP client each, real HTTP on
 * the loopback address), each importing small request files ({@code POST /api/import/commit}), then, once every
 * operator's intake is in, keying a CID for every request it created ({@code POST /api/confirm}) and, for the
 * first few, exporting a signed bundle of the lab halfway (through the kiosk's exporter, as the export page
 * does), so that exports run while the others key ({@link LoadOperator}). A fixed pool of one thread per operator
 * runs them; all start together once every operator has signed in. The request count is bounded by the
 * {@link LoadSettings}.
 *
 * <p>Afterwards it reads the record and checks that nothing was lost or doubled ({@link LoadRecordCheck}). The
 * time of every CID entry (the HTTP round trip) is kept for p50/p99/max ({@link Latency}).
 */
public final class LoadBench {
    /** The secret of the operators this benchmark creates. */
    public static final String SECRET = "load bench secret 42";
    /** Lab of the measured run. */
    public static final String LAB = "LAB-LOAD";

    private final Kiosk kiosk;
    private final String baseUrl;
    private final LoadSettings settings;

    /**
     * @param kiosk the kiosk served at {@code baseUrl} (its record is read for the checks; operators are added
     *     to it when missing)
     * @param baseUrl e.g. {@code http://127.0.0.1:7878/}
     */
    public LoadBench(Kiosk kiosk, String baseUrl, LoadSettings settings) {
        this.kiosk = kiosk;
        this.baseUrl = baseUrl;
        this.settings = settings;
    }

    /**
     * Opens a kiosk in {@code home} (a fresh folder), serves it, runs a warm-up of the same size in another lab
     * first when asked (not counted), then the measured run, and closes it.
     */
    public static LoadResult runServed(Path home, LoadSettings settings, int secretIterations, boolean warmUp) {
        try (ServedKiosk kiosk = ServedKiosk.open(home, secretIterations)) {
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
    public LoadResult run() {
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
        LoadTally tally = new LoadTally();
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
                    new LoadOperator(kiosk, settings, op, clients.get(op), tally).work(intakeDone);
                    return null;
                }));
            }
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    tally.error("operator thread failed: " + e.getCause());
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
        List<String> integrity = new LoadRecordCheck(kiosk, settings).problems(tally.acknowledged());
        return new LoadResult(settings, tally.imports(), tally.acknowledged().size(), tally.bundles(),
                Latency.of(tally.cidMillis()), tally.errors(), integrity, seconds, keying);
    }
}
