package org.gapdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.store.RequestRepository;

/**
 * A kiosk with ten weeks of licensing-desk history, made the way the desk makes it: request files imported through
 * {@link org.gapdesk.intake.IntakeService} (synthetic IIDs from {@link TestIds}), worksheet batches by telephone
 * and portal, CIDs keyed through the kiosk's {@link org.gapdesk.confirm.ConfirmationService} (so low-count alerts
 * are raised as at the desk), two MAKs with readings, machines reinstalled with an unchanged IID (CIDs reused from
 * the store), KMS clients and a partial key the pool does not hold. The clock moves by hand; the web server runs
 * on a random loopback port.
 */
final class LicensingDeskFixture implements AutoCloseable {
    static final String CLIENT_MAK = "3V66T";
    static final String OFFICE_MAK = "XQ7DR";
    static final String STRAY_KEY = "HJ3KP";
    static final String CLIENT_GROUP = "Windows 10/11 Enterprise";
    static final String OFFICE_GROUP = "Office LTSC 2021";
    static final String WINDOWS_SKU = "7a1b2c3d-0000-4000-8000-00000000a001";
    static final String OFFICE_SKU = "7a1b2c3d-0000-4000-8000-00000000a003";
    static final String KMS_SKU = "7a1b2c3d-0000-4000-8000-00000000a004";
    /** Monday of the first week of history. */
    static final Instant START = Instant.parse("2026-09-07T08:00:00Z");
    static final String ADMIN = "Ada Admin";
    static final String OPERATOR = "Otto Operator";

    final HandClock clock = new HandClock(START);
    final Kiosk kiosk;
    final WebServer server;
    final int port;
    final String base;
    private final TestIds ids = new TestIds(2026);
    private final BatchService batches;
    private final Map<String, Integer> hosts = new LinkedHashMap<>();
    private final Map<String, String> iidByHost = new LinkedHashMap<>();
    private int files;
    /** True once the history is made: the clock then stands still, so sessions never idle out. */
    private boolean historyDone;

    /** A product on a machine: what the lab toolkit reports. */
    record Box(String host, Product product) {
    }

    LicensingDeskFixture(Path home, boolean history) {
        write(home.resolve("config/site.json"), """
                { "siteName": "Northfield Research Campus", "kioskId": "kiosk-1", "bindHost": "127.0.0.1",
                  "labs": [ { "code": "LAB-A", "name": "Teaching lab A" },
                            { "code": "LAB-B", "name": "Instrument lab B" } ] }
                """);
        kiosk = SignedInClient.openKiosk(home, clock);
        batches = new BatchService(kiosk.database(), clock);
        if (history) {
            history();
        }
        historyDone = true;
        server = new WebServer(kiosk);
        port = server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + port;
    }

    SignedInClient admin() {
        return SignedInClient.admin(kiosk, port, ADMIN);
    }

    SignedInClient operator() {
        return SignedInClient.operator(kiosk, port, OPERATOR);
    }

    /** Ten weeks of work at the desk, ending on Monday of the eleventh week. */
    private void history() {
        at(0);
        kiosk.licensing().pool().record(CLIENT_MAK, CLIENT_GROUP, "120", "2026-09-07", ADMIN);
        kiosk.licensing().pool().record(OFFICE_MAK, OFFICE_GROUP, "45", "2026-09-07", ADMIN);
        List<Long> week0 = importLab("LAB-A", clients("LAB-A", "PC", 12, CLIENT_MAK));
        keyAll(batch("LAB-A", ActivationChannel.PHONE));

        at(1);
        importLab("LAB-A", office("LAB-A", 10));
        keyAll(batch("LAB-A", ActivationChannel.PHONE));

        at(2);
        List<Box> labB = new ArrayList<>(clients("LAB-B", "SCOPE", 6, CLIENT_MAK));
        for (int i = 1; i <= 3; i++) {
            labB.add(new Box(String.format("KMS-%02d", i), new Product(KMS_SKU, Product.WINDOWS_APP_ID,
                    "Windows(R), Enterprise edition", "Volume:GVLK", "NPPR9", 5)));
        }
        importLab("LAB-B", labB);
        keyAll(batch("LAB-B", ActivationChannel.PORTAL));

        at(3);
        importLab("LAB-A", clients("LAB-A", "PC", 8, CLIENT_MAK));
        keyAll(batch("LAB-A", ActivationChannel.PHONE));

        at(4);
        for (long id : week0) {
            applied(id);
        }
        reinstall("LAB-A", 5);
        importLab("LAB-A", office("LAB-A", 12));
        keyAll(batch("LAB-A", ActivationChannel.PORTAL));

        at(5);
        kiosk.licensing().pool().record(CLIENT_MAK, "", "95", "2026-10-12", ADMIN);
        List<Long> noBatch = importLab("LAB-B", clients("LAB-B", "SCOPE", 5, CLIENT_MAK));
        keyAll(noBatch.subList(0, 3));

        at(6);
        importLab("LAB-A", office("LAB-A", 10));
        keyAll(batch("LAB-A", ActivationChannel.PHONE));

        at(7);
        importLab("LAB-A", office("LAB-A", 6));
        keyAll(batch("LAB-A", ActivationChannel.PHONE));

        at(8);
        List<Box> more = new ArrayList<>(clients("LAB-B", "SCOPE", 4, CLIENT_MAK));
        more.add(new Box("SCOPE-STRAY", windows(STRAY_KEY)));
        importLab("LAB-B", more);
        List<Long> onBatch = batch("LAB-B", ActivationChannel.PHONE);
        keyAll(onBatch.subList(0, 4));

        at(9);
        importLab("LAB-A", clients("LAB-A", "PC", 7, CLIENT_MAK));
        List<Long> last = batch("LAB-A", ActivationChannel.PHONE);
        keyAll(last.subList(0, 4));

        at(10);
        importLab("LAB-B", clients("LAB-B", "SCOPE", 3, CLIENT_MAK));
    }

    /** Sets the clock to 09:00 on Monday of week {@code w} (plus the minutes keying has taken). */
    private void at(int week) {
        Instant target = START.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(1));
        Duration d = Duration.between(clock.instant(), target);
        if (!d.isNegative()) {
            clock.advance(d);
        }
    }

    static Product windows(String partialKey) {
        return new Product(WINDOWS_SKU, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition", "Volume:MAK",
                partialKey, 2);
    }

    /** The next {@code n} hosts of the lab, {@code PREFIX-001} on, with a Windows MAK. */
    private List<Box> clients(String lab, String prefix, int n, String key) {
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int next = hosts.merge(lab + "/" + prefix, 1, Integer::sum);
            out.add(new Box(String.format("%s-%03d", prefix, next), windows(key)));
        }
        return out;
    }

    /** Office on the lab's first {@code n} PCs that do not have it yet. */
    private List<Box> office(String lab, int n) {
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int next = hosts.merge(lab + "/office", 1, Integer::sum);
            out.add(new Box(String.format("PC-%03d", next), new Product(OFFICE_SKU, Product.OFFICE_APP_ID,
                    "Office 21, Office21ProPlus2021VL_MAK_AE edition", "Volume:MAK", OFFICE_MAK, 2)));
        }
        return out;
    }

    /** The first {@code n} PCs of the lab reinstalled on the same hardware with the same key: the same IIDs. */
    private void reinstall(String lab, int n) {
        List<Box> again = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            again.add(new Box(String.format("PC-%03d", i), windows(CLIENT_MAK)));
        }
        importLab(lab, again, true);
    }

    List<Long> importLab(String lab, List<Box> boxes) {
        return importLab(lab, boxes, false);
    }

    private List<Long> importLab(String lab, List<Box> boxes, boolean sameIids) {
        ImportResult r = kiosk.intake().commit(List.of(requestFile(lab, boxes, sameIids)), new IntakeDefaults(lab),
                OPERATOR);
        if (r.preview().anyRejected()) {
            throw new AssertionError(r.preview().summary());
        }
        if (!historyDone) {
            clock.advance(Duration.ofMinutes(10));
        }
        return r.createdRequestIds();
    }

    /** A request file of the lab's toolkit for these machines, each with a fresh IID (or its earlier one). */
    UploadedFile requestFile(String lab, List<Box> boxes, boolean sameIids) {
        RequestFileBuilder file = new RequestFileBuilder(lab).collector("gapdesk-collect 1.0");
        for (Box b : boxes) {
            String slot = lab + "/" + b.host() + "/" + b.product().activationId();
            String iid = sameIids ? iidByHost.get(slot) : ids.iid63();
            iidByHost.put(slot, iid);
            Product p = b.product();
            file.machine(new RequestFileBuilder.MachineEntry(b.host(), false, List.of(
                    new RequestFileBuilder.ProductEntry(p.activationId(), p.applicationId(), p.name(),
                            "Windows(R) Operating System, " + p.channel() + " channel", p.channel(), p.partialKey(),
                            p.licenseStatus(), iid))));
        }
        return new UploadedFile("gapdesk-request-" + lab + "-" + (++files) + ".json", file.toBytes(false));
    }

    private List<Long> batch(String lab, ActivationChannel channel) {
        List<Long> out = new ArrayList<>();
        var b = batches.create(BatchCriteria.received(lab), channel, OPERATOR);
        batches.content(b.id()).requests().forEach(r -> out.add(r.id()));
        clock.advance(Duration.ofMinutes(5));
        return out;
    }

    private void keyAll(List<Long> requestIds) {
        for (long id : requestIds) {
            clock.advance(Duration.ofMinutes(3));
            var r = kiosk.confirmations().confirm(id, ids.cid48(), false, false, OPERATOR);
            if (r.status() != ConfirmStatus.STORED) {
                throw new AssertionError(r.message());
            }
        }
    }

    private void applied(long id) {
        kiosk.database().inTransaction(c -> {
            RequestRepository repo = new RequestRepository();
            RequestState from = repo.find(c, id).orElseThrow().state();
            repo.changeState(c, id, from, RequestState.APPLIED, clock.instant(), OPERATOR, "applied in the lab");
            return null;
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        kiosk.close();
    }
}
