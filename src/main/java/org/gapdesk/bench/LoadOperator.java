package org.gapdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.Product;
import org.gapdesk.bundle.BundleException;
import org.gapdesk.bundle.ExportResult;
import org.gapdesk.demo.DemoLab;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;
import org.gapdesk.demo.SyntheticIds;

/**
 * One signed-in operator's share of a load run: imports its request files, waits until every operator's intake
 * is in, then keys a CID for every request it created (paced or flat out), exporting a bundle halfway when it is
 * one of the exporters. Everything it does and every failure goes to the run's {@link LoadTally}.
 */
final class LoadOperator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kiosk kiosk;
    private final LoadSettings settings;
    private final int op;
    private final BenchClient client;
    private final LoadTally tally;
    private final SyntheticIds ids;

    /**
     * @param kiosk the served kiosk (bundles are exported through it, as the export page does)
     * @param op this operator's index, from 0
     * @param client this operator's signed-in client
     */
    LoadOperator(Kiosk kiosk, LoadSettings settings, int op, BenchClient client, LoadTally tally) {
        this.kiosk = kiosk;
        this.settings = settings;
        this.op = op;
        this.client = client;
        this.tally = tally;
        this.ids = new SyntheticIds(settings.seed() * 1_000 + op);
    }

    /** Imports, waits at {@code intakeDone} for the other operators, then keys (and exports). */
    void work(CyclicBarrier intakeDone) throws InterruptedException, BrokenBarrierException {
        List<Long> created = importFiles();
        intakeDone.await();
        keyCids(created);
    }

    private List<Long> importFiles() {
        List<Long> created = new ArrayList<>();
        for (int f = 0; f < settings.filesPerOperator(); f++) {
            String name = fileName(f);
            try {
                BenchClient.Answer a = client.postFile("/api/import/commit", name, requestFile(f));
                if (a.status() != 200) {
                    tally.error(name + ": HTTP " + a.status() + " " + shorten(a.body()));
                    continue;
                }
                JsonNode createdIds = JSON.readTree(a.body()).path("createdIds");
                if (createdIds.size() != settings.machinesPerFile()) {
                    tally.error(name + ": " + createdIds.size() + " requests created, not "
                            + settings.machinesPerFile());
                }
                createdIds.forEach(n -> created.add(n.asLong()));
                tally.imported();
            } catch (IOException | RuntimeException e) {
                tally.error(name + ": " + e);
            }
        }
        return created;
    }

    /**
     * Keys a CID for each request in turn. Paced: the k-th CID is due {@code k} intervals after this operator's
     * start (operators staggered evenly over one interval) and its time runs from when it was due.
     */
    private void keyCids(List<Long> created) throws InterruptedException {
        long interval = settings.cidIntervalMillis() * 1_000_000L;
        long firstDue = System.nanoTime() + interval * op / settings.operators();
        int half = created.size() / 2;
        for (int k = 0; k < created.size(); k++) {
            if (k == half && op < settings.exporters()) {
                export();
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
            keyCid(id, cid, t0);
        }
    }

    private void keyCid(long id, String cid, long t0) {
        try {
            BenchClient.Answer a = client.postForm("/api/confirm", Map.of("request", Long.toString(id), "cid", cid));
            tally.cidAnswered((System.nanoTime() - t0) / 1e6);
            String status = a.status() == 200 ? JSON.readTree(a.body()).path("status").asText() : "";
            if (!"STORED".equals(status)) {
                tally.error("CID for request " + id + ": HTTP " + a.status() + " " + shorten(a.body()));
                return;
            }
            if (!tally.acknowledge(id, cid)) {
                tally.error("request " + id + " was handed out twice");
            }
        } catch (IOException | RuntimeException e) {
            tally.error("CID for request " + id + ": " + e);
        }
    }

    private void export() {
        String who = LoadBench.operatorName(op);
        try {
            ExportResult r = kiosk.bundles().exportZip(settings.lab(), null, who);
            if (r.zip() == null || r.zip().length == 0) {
                tally.error("export by " + who + " gave no zip");
            }
            tally.exported();
        } catch (BundleException e) {
            if (!e.getMessage().startsWith("nothing to export")) {
                tally.error("export by " + who + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            tally.error("export by " + who + ": " + e);
        }
    }

    /** {@code load-<operator>-<file>-<lab>.json}: {@link LoadRecordCheck} counts the import rows by this pattern. */
    private String fileName(int file) {
        return String.format("load-%02d-%d-%s.json", op + 1, file + 1, settings.lab());
    }

    private byte[] requestFile(int file) {
        RequestFileBuilder b = new RequestFileBuilder(settings.lab()).collector("gapdesk bench load (synthetic data)");
        for (int m = 0; m < settings.machinesPerFile(); m++) {
            b.machine(new MachineEntry(String.format("L%02d-F%d-PC%02d", op + 1, file + 1, m + 1), false,
                    List.of(new ProductEntry(DemoLab.WINDOWS_MAK_ID, Product.WINDOWS_APP_ID, "Windows 11 Enterprise",
                            "Volume MAK channel (benchmark data)", "Volume:MAK", "BENCH", 5, ids.iid63()))));
        }
        return b.toBytes(false);
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
