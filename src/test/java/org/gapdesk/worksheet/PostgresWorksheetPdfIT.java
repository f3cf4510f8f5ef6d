package org.gapdesk.worksheet;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WorksheetPdfTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresWorksheetPdfIT extends WorksheetPdfTest {
}
