package org.gapdesk.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the database a test fixture works on: an H2 file database in the given folder, or, while the test class
 * runs {@link OnPostgres}, a fresh PostgreSQL database that is dropped when the {@link Database} is closed. Kiosk
 * fixtures call {@link #prepareHome} before {@code Kiosk.open} so the kiosk opens the same way.
 */
public final class TestDatabase {
    private static volatile boolean postgres;
    private static final List<String> HOME_DATABASES = new ArrayList<>();

    private TestDatabase() {
    }

    static void usePostgres(boolean on) {
        postgres = on;
    }

    /** True while a test class runs on PostgreSQL. */
    public static boolean onPostgres() {
        return postgres;
    }

    /** H2 in {@code dir}, or a fresh PostgreSQL database (see the class comment). */
    public static Database open(Path dir) {
        if (!postgres) {
            return Database.openH2(dir);
        }
        PostgresTestServer server = PostgresTestServer.require();
        String name = server.createDatabase();
        Database db = server.open(name);
        return new Database(db.dataSource(), () -> {
            db.close();
            server.dropDatabase(name);
        });
    }

    /**
     * On PostgreSQL, points the kiosk home {@code home} at a fresh database (its {@code config/database.json});
     * on H2 does nothing. The database is dropped when the test class ends.
     */
    public static void prepareHome(Path home) {
        if (postgres) {
            PostgresTestServer server = PostgresTestServer.require();
            String name = server.createDatabase();
            synchronized (HOME_DATABASES) {
                HOME_DATABASES.add(name);
            }
            server.configureHome(home, name);
        }
    }

    /** Drops the databases made by {@link #prepareHome}. */
    static void dropHomeDatabases() {
        synchronized (HOME_DATABASES) {
            for (String name : HOME_DATABASES) {
                PostgresTestServer.require().dropDatabase(name);
            }
            HOME_DATABASES.clear();
        }
    }
}
