package org.gapdesk.confirm;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ConfirmationServiceTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresConfirmationServiceIT extends ConfirmationServiceTest {
}
