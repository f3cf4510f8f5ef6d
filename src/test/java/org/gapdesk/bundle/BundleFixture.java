package org.gapdesk.bundle;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.confirm.ConfirmationService;
import org.gapdesk.demo.SyntheticIds;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.gapdesk.store.ImportRepository;
import org.gapdesk.store.RequestRepository;

/**
 * A kiosk record with requests confirmed through {@link ConfirmationService}, and the keys the bundle tests
 * sign with (generated once per test run: RSA-3072 generation takes a moment).
 */
final class BundleFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final String LAB = "LAB-A";
    static final String WINDOWS_ID = "de000000-0000-4000-8000-000000000001";
    static final String OFFICE_ID = "de000000-0000-4000-8000-000000000003";

    private static KioskKey key;
    private static KioskKey otherKey;

    final Database db;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ConfirmationService confirmations;
    final RequestRepository requests = new RequestRepository();
    final SyntheticIds ids = new SyntheticIds(7);
    private long importId = -1;

    BundleFixture(Path dir) {
        db = TestDatabase.open(dir);
        confirmations = new ConfirmationService(db, clock);
    }

    /** The kiosk key every fixture signs with. */
    static synchronized KioskKey key() {
        if (key == null) {
            key = generate();
        }
        return key;
    }

    /** Another kiosk's key. */
    static synchronized KioskKey otherKey() {
        if (otherKey == null) {
            otherKey = generate();
        }
        return otherKey;
    }

    private static KioskKey generate() {
        try {
            return KioskKey.generate("kiosk-1", NOW);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    BundleExporter exporter() {
        return new BundleExporter(db, BundleFixture::key, "kiosk-1", clock);
    }

    BundleExporter exporter(FolderWriter writer) {
        return new BundleExporter(db, BundleFixture::key, "kiosk-1", clock, writer);
    }

    /** Inserts a received request; returns its id. */
    long request(String lab, String machine, boolean alias, String activationId, String productName, String iid) {
        return db.inTransaction(c -> {
            if (importId < 0) {
                importId = new ImportRepository().insert(c, "lab.json", "0".repeat(64), "gapdesk-request", 1,
                        "fixture", NOW, "fixture");
            }
            Product p = new Product(activationId, Product.WINDOWS_APP_ID, productName, "Volume:MAK", "ABCDE", 1);
            return requests.insert(c, new Machine(lab, machine, alias), p, InstallationId.parse(iid),
                    RequestState.RECEIVED, null, false, importId, NOW, "fixture", "imported");
        });
    }

    /** Keys {@code cid} for the request, as an operator does. */
    void confirm(long requestId, String cid) {
        var r = confirmations.confirm(requestId, cid, true, true, "alice");
        if (r.status() != ConfirmStatus.STORED && r.status() != ConfirmStatus.UNCHANGED) {
            throw new IllegalStateException(r.message());
        }
    }

    /** A received request confirmed with a fresh synthetic CID; returns its id. */
    long confirmed(String lab, String machine, boolean alias, String activationId, String productName) {
        long id = request(lab, machine, alias, activationId, productName, ids.iid63());
        confirm(id, ids.cid48());
        return id;
    }

    /**
     * LAB-A with entries that exercise the format: an alias, a missing Activation ID, a 54-digit IID with an
     * XP CID, names that need CSV quoting and formula guarding, a non-ASCII name; plus one received (not
     * confirmed) LAB-A request and one confirmed LAB-B request. Returns the confirmed LAB-A ids.
     */
    List<Long> standardContent() {
        List<Long> labA = new ArrayList<>();
        labA.add(confirmed(LAB, "PC-002", false, WINDOWS_ID, "Windows(R), Enterprise edition"));
        labA.add(confirmed(LAB, "PC-001", false, WINDOWS_ID, "Windows(R), Enterprise edition"));
        labA.add(confirmed(LAB, "PC-001", false, OFFICE_ID, "Office 21, \"ProPlus2021\" MAK"));
        labA.add(confirmed(LAB, "alias-7f3a", true, WINDOWS_ID, "Windows(R), Enterprise edition"));
        labA.add(confirmed(LAB, "=HYPERLINK(\"x\")", false, null, "Windows Server 2022"));
        labA.add(confirmed(LAB, "Prüfstand-Ü1", false, WINDOWS_ID, "Windows(R), Enterprise edition"));
        long xp = request(LAB, "XP-OLD", false, null, "Windows XP Professional", ids.iid54());
        confirm(xp, "110281200130887120647974697175027544252733");
        labA.add(xp);
        request(LAB, "PC-003", false, WINDOWS_ID, "Windows(R), Enterprise edition", ids.iid63());
        confirmed("LAB-B", "CTL-HMI01", false, WINDOWS_ID, "Windows(R), Enterprise edition");
        return labA;
    }

    RequestState state(long requestId) {
        return db.read(c -> requests.find(c, requestId)).orElseThrow().state();
    }

    @Override
    public void close() {
        db.close();
    }
}
