package org.gapdesk.licensing;

import org.gapdesk.store.OnPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MakAlertsTest} run against a fresh PostgreSQL database per test. */
@ExtendWith(OnPostgres.class)
class PostgresMakAlertsIT extends MakAlertsTest {
}
