package org.gapdesk.licensing;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LicensingFlagsTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresLicensingFlagsIT extends LicensingFlagsTest {
}
