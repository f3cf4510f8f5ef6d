package org.gapdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gapdesk.config.DatabaseSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests run against, named by {@code GAPDESK_TEST_PG_URL} (a maintenance database such
 * as {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code GAPDESK_TEST_PG_USER} and
 * {@code GAPDESK_TEST_PG_PASSWORD} (the user needs CREATEDB); {@code .ci/run} starts one and sets them. Without
 * them, {@code 127.0.0.1:5432} as {@code gapdesk_test}/{@code gapdesk_test} is tried. When no server answers, the
 * tests fail under CI ({@code CI=true}) and are skipped elsewhere, with the reason.
 */
public final class PostgresTestServer {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresTestServer server;

    final String url;
    final String user;
    final String password;
    private String template;

    private PostgresTestServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The server, or the test is failed (under CI) or skipped (elsewhere) when none answers. */
    public static synchronized PostgresTestServer require() {
        if (server != null) {
            return server;
        }
        String url = env("GAPDESK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("GAPDESK_TEST_PG_USER", "gapdesk_test");
        String password = env("GAPDESK_TEST_PG_PASSWORD", "gapdesk_test");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.isValid(5);
        } catch (SQLException e) {
            String why = "no PostgreSQL for the shared-database tests at " + url + " as " + user + " ("
                    + e.getMessage() + "); set GAPDESK_TEST_PG_URL, GAPDESK_TEST_PG_USER and"
                    + " GAPDESK_TEST_PG_PASSWORD, or run .ci/run, which starts one";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        server = new PostgresTestServer(url, user, password);
        server.dropLeftovers();
        return server;
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    /**
     * Creates a new database and returns its name. It is a copy of a template migrated once per test run, so
     * opening it finds every migration applied (what the migrations do on an empty database is checked by
     * {@link #createEmptyDatabase} users such as {@code SharedDatabaseIT}).
     */
    public String createDatabase() {
        String name = nextName();
        try {
            admin("CREATE DATABASE " + name + " TEMPLATE " + template());
        } catch (StoreException e) {
            // The template is busy (an autovacuum worker on it): start from an empty database instead.
            admin("CREATE DATABASE " + name);
        }
        return name;
    }

    /** Creates a new, empty database (no migration applied) and returns its name. */
    public String createEmptyDatabase() {
        String name = nextName();
        admin("CREATE DATABASE " + name);
        return name;
    }

    private static String nextName() {
        return "gapdesk_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    private synchronized String template() {
        if (template == null) {
            String name = createEmptyDatabase();
            open(name).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(name)));
            template = name;
        }
        return template;
    }

    /**
     * Drops a database made by {@link #createDatabase}, disconnecting this user's sessions still on it. Best effort:
     * a database the server will not drop yet (an autovacuum worker on it) is left, and dropped by the first test
     * run after the process that made it has ended.
     */
    public void dropDatabase(String name) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (StoreException e) {
                if (attempt == 3) {
                    System.err.println("database " + name + " left for a later run to drop: " + e.getMessage());
                }
            }
        }
    }

    /** Drops the test databases of processes that have ended. */
    private void dropLeftovers() {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'gapdesk\\_it\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return;
        }
        for (String name : names) {
            String[] parts = name.split("_");
            if (parts.length == 4 && parts[2].matches("[0-9]{1,18}")
                    && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
                dropDatabase(name);
            }
        }
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String urlOf(String name) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    /** Opens database {@code name} as the kiosk would. */
    public Database open(String name) {
        return Database.openPostgres(urlOf(name), user, password, 8);
    }

    /** Writes {@code home/config/database.json} so that a kiosk opened on {@code home} uses database {@code name}. */
    public void configureHome(Path home, String name) {
        String json = "{\"url\": \"" + urlOf(name) + "\", \"user\": \"" + user + "\", \"password\": \"" + password
                + "\", \"maxConnections\": 8}\n";
        try {
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config").resolve(DatabaseSettings.FILE), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
