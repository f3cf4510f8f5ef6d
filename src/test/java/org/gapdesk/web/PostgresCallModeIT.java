package org.gapdesk.web;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CallModeIT} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresCallModeIT extends CallModeIT {
}
