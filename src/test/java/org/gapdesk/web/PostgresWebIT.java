package org.gapdesk.web;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WebIT} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresWebIT extends WebIT {
}
