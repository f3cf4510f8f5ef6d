package org.gapdesk.bundle;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BundleExporterTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresBundleExporterIT extends BundleExporterTest {
}
