package org.gapdesk.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against PostgreSQL: fixtures that open their database through {@link TestDatabase} get a
 * fresh PostgreSQL database instead of H2. Used by the {@code Postgres*IT} subclasses of the H2 tests, so the
 * same test code runs on both.
 */
public final class OnPostgres implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresTestServer.require();
        TestDatabase.usePostgres(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase.usePostgres(false);
        TestDatabase.dropHomeDatabases();
    }
}
