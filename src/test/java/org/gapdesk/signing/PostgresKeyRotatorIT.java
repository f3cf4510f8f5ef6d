package org.gapdesk.signing;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link KeyRotatorTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresKeyRotatorIT extends KeyRotatorTest {
}
