package org.gapdesk;

import org.gapdesk.store.OnPostgres;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LoopIT} against a fresh PostgreSQL database per test: the whole loop through the kiosk's services and
 * through the command line ({@code gapdesk --home ...} reads {@code config/database.json}).
 */
@ExtendWith(OnPostgres.class)
class PostgresLoopIT extends LoopIT {
    @BeforeEach
    void useSharedDatabase() {
        TestDatabase.prepareHome(dir.resolve("home"));
    }
}
