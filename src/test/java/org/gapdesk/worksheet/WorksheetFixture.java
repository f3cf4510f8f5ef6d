package org.gapdesk.worksheet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.activation.RequestState;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.batch.Batch;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.batch.TestRecord;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;

/** A test kiosk record with a lab full of received requests, and a worksheet service over it. */
final class WorksheetFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    /** A fingerprint in the shape KioskKey prints: 64 hex digits in groups of four. */
    static final String FINGERPRINT = "3F2A 9C41 0B7E D5A8 61C3 4E0F 9A2B 7D18 C6E4 05B9 13AF 8E72 D04C 6B95 2A1E F387";

    final Database db;
    final TestRecord record;
    final BatchService batches;
    final List<String> iids = new ArrayList<>();
    final TestIds ids = new TestIds(11);

    WorksheetFixture(Path dir) {
        db = TestDatabase.open(dir);
        record = new TestRecord(db);
        batches = new BatchService(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Adds {@code machines} Windows machines to LAB-A; every fifth also has Office; one 54- and one 50-digit IID. */
    WorksheetFixture machines(int machines) {
        for (int m = 1; m <= machines; m++) {
            String name = String.format("PC-%03d", m);
            String iid = m == 2 ? ids.iid54() : m == 3 ? TestIds.XP_IID_50 : ids.iid63();
            record.windows("LAB-A", name, iid, RequestState.RECEIVED);
            iids.add(TestIds.digits(iid));
            if (m % 5 == 0) {
                String office = ids.iid63();
                record.office("LAB-A", name, office, RequestState.RECEIVED);
                iids.add(TestIds.digits(office));
            }
        }
        return this;
    }

    Batch batch(ActivationChannel channel) {
        return batches.create(BatchCriteria.received("LAB-A"), channel, "alice");
    }

    WorksheetService service(KioskConfig config) {
        return new WorksheetService(config, batches, () -> FINGERPRINT, ZoneOffset.UTC);
    }

    WorksheetService service() {
        return service(KioskConfig.defaults());
    }

    @Override
    public void close() {
        db.close();
    }
}
