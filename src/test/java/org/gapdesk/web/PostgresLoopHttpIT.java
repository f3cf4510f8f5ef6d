package org.gapdesk.web;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LoopHttpIT} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresLoopHttpIT extends LoopHttpIT {
}
