package org.gapdesk.reports;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RecordExportTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresRecordExportIT extends RecordExportTest {
}
