package org.gapdesk.operator;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OperatorServiceTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresOperatorServiceIT extends OperatorServiceTest {
}
