package org.gapdesk.batch;

import java.time.Instant;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.RequestState;
import org.gapdesk.store.Database;
import org.gapdesk.store.ImportRepository;
import org.gapdesk.store.RequestRepository;

/** Puts activation requests into a test database through {@link RequestRepository}, as an import would. */
public final class TestRecord {
    /** Activation ID used for Windows entries in tests (a made-up GUID, not a real SKU). */
    public static final String WINDOWS_AID = "00000000-0000-4000-8000-000000000001";
    /** Activation ID used for Office entries in tests (a made-up GUID, not a real SKU). */
    public static final String OFFICE_AID = "00000000-0000-4000-8000-000000000002";
    static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final Database db;
    private final long importId;
    private final RequestRepository requests = new RequestRepository();

    public TestRecord(Database db) {
        this.db = db;
        this.importId = db.inTransaction(c -> new ImportRepository().insert(c, "test.json", "0".repeat(64),
                "gapdesk-request", 1, "test", AT, "test data"));
    }

    /** A Windows MAK request in {@code state}; returns its id. */
    public long windows(String lab, String machine, String iid, RequestState state) {
        return add(lab, machine, new Product(WINDOWS_AID, Product.WINDOWS_APP_ID, "Windows(R), Enterprise edition",
                "Volume:MAK", "3V66T", 1), iid, state);
    }

    /** An Office MAK request in {@code state}; returns its id. */
    public long office(String lab, String machine, String iid, RequestState state) {
        return add(lab, machine, new Product(OFFICE_AID, Product.OFFICE_APP_ID,
                "Office 21, Office21ProPlus2021VL_MAK_AE edition", "Volume:MAK", "XQ7DR", 1), iid, state);
    }

    /** A request for {@code product}; returns its id. */
    public long add(String lab, String machine, Product product, String iid, RequestState state) {
        return db.inTransaction(c -> requests.insert(c, new Machine(lab, machine, false), product,
                InstallationId.parse(iid), state, null, false, importId, AT, "test", "imported"));
    }
}
