package org.gapdesk.web;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AccessGateIT} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresAccessGateIT extends AccessGateIT {
}
