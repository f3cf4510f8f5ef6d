package org.gapdesk.receipts;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReceiptImporterTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresReceiptImporterIT extends ReceiptImporterTest {
}
