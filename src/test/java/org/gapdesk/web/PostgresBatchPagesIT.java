package org.gapdesk.web;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BatchPagesIT} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresBatchPagesIT extends BatchPagesIT {
}
