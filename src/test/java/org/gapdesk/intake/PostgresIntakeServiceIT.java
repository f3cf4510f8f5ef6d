package org.gapdesk.intake;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link IntakeServiceTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresIntakeServiceIT extends IntakeServiceTest {
}
