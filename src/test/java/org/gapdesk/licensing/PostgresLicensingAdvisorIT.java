package org.gapdesk.licensing;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LicensingAdvisorTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresLicensingAdvisorIT extends LicensingAdvisorTest {
}
