package org.gapdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The kiosk's database: an H2 file database, a shared PostgreSQL database, or any JDBC data source, migrated by
 * Flyway on open.
 *
 * <p>H2 is opened with {@code WRITE_DELAY=0} so that a committed transaction is handed to the operating
 * system before {@link #inTransaction} returns: a killed process loses no acknowledged write. On H2 the commits
 * of {@link #inTransaction} also run one at a time: H2 wakes a transaction waiting for a row lock as soon as the
 * holder starts to commit, before the holder's commit is recorded in the file, so without this a later
 * transaction that read the holder's rows (the audit chain's head, a request row) could reach the file first, and
 * a kill in between would keep the later one and roll back the earlier (a gap in the audit chain).
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final AutoCloseable closer;
    /** Held while an H2 commit runs (null: commits run concurrently, as on PostgreSQL). */
    private final Object commitOrder;
    /** Done when the migrations have run; completed exceptionally when they failed. */
    private final CompletableFuture<Void> migrated;

    /** Wraps a data source and runs the migrations on it. */
    public Database(DataSource dataSource, AutoCloseable closer) {
        this(dataSource, closer, null, false, false, MIGRATIONS);
    }

    private Database(DataSource dataSource, AutoCloseable closer, Object commitOrder, boolean inBackground,
            boolean skipWhenMigrated, String... locations) {
        this.dataSource = dataSource;
        this.closer = closer;
        this.commitOrder = commitOrder;
        Runnable migrate = () -> {
            if (skipWhenMigrated && alreadyMigrated(dataSource, locations)) {
                return;
            }
            Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
        };
        if (inBackground) {
            migrated = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    migrate.run();
                    migrated.complete(null);
                } catch (RuntimeException | Error e) {
                    migrated.completeExceptionally(e);
                }
            }, "gapdesk-migrate");
            t.setDaemon(true);
            t.start();
        } else {
            migrate.run();
            migrated = CompletableFuture.completedFuture(null);
        }
    }

    /** True when an H2 record has every migration already ({@link AppliedMigrations}); a restart then skips Flyway. */
    private static boolean alreadyMigrated(DataSource dataSource, String... locations) {
        try {
            return AppliedMigrations.allApplied(dataSource, locations);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The migrations every database runs. */
    private static final String MIGRATIONS = "classpath:db/migration";
    /** Migrations only H2 runs (tuning in H2's own syntax), numbered in the same sequence as {@link #MIGRATIONS}. */
    private static final String H2_MIGRATIONS = "classpath:db/h2";

    /**
     * Opens (creating if needed) the H2 file database {@code dir/gapdesk.mv.db}. A new one starts as a copy of the
     * empty record the build made ({@link EmptyRecord}); when a record already has every migration of this build,
     * Flyway is not even loaded ({@link AppliedMigrations}).
     */
    public static Database openH2(Path dir) {
        return openH2(dir, false);
    }

    /**
     * As {@link #openH2(Path)}; with {@code migrateInBackground} the migrations run on a thread of their own and
     * this returns at once. Every use of the database then waits for them, and fails as they failed (a database
     * in use by another process, a newer schema), so a start that has other work to do meanwhile is done sooner.
     */
    public static Database openH2(Path dir, boolean migrateInBackground) {
        return openH2(dir, migrateInBackground, true);
    }

    /** As {@link #openH2(Path, boolean)}; with {@code fromEmptyRecord} a new record starts as a copy of {@link EmptyRecord}. */
    static Database openH2(Path dir, boolean migrateInBackground, boolean fromEmptyRecord) {
        if (fromEmptyRecord) {
            EmptyRecord.copyInto(dir);
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("gapdesk")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "gapdesk", "");
        pool.setMaxConnections(64);
        return new Database(pool, pool::dispose, new Object(), migrateInBackground, true, MIGRATIONS, H2_MIGRATIONS);
    }

    /**
     * Waits until the migrations have run. Throws what they threw ({@link StoreException} around a checked or
     * unexpected failure).
     */
    public void awaitMigrations() {
        try {
            migrated.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException(e.getCause());
        }
    }

    /**
     * Opens a shared PostgreSQL database through a small pool of at most {@code maxConnections} connections,
     * migrating it first (Flyway holds a database lock while it migrates, so kiosks may start together).
     */
    public static Database openPostgres(String url, String user, String password, int maxConnections) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(maxConnections);
        hc.setMinimumIdle(Math.min(2, maxConnections));
        hc.setPoolName("gapdesk");
        hc.addDataSourceProperty("ApplicationName", "gapdesk");
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            return new Database(pool, pool::close);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * Runtime exceptions pass through unchanged; SQL errors are wrapped in {@link StoreException}.
     */
    public <T> T inTransaction(Work<T> work) {
        awaitMigrations();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                T result = work.run(c);
                if (commitOrder == null) {
                    c.commit();
                } else {
                    synchronized (commitOrder) {
                        c.commit();
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        awaitMigrations();
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A lock taken by {@link #holdAcrossKiosks}; closing it releases the lock. */
    public interface SharedLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for and holds the lock {@code name} across every kiosk sharing this database, over any number of
     * transactions, until the returned lock is closed. On PostgreSQL this is a session advisory lock on a connection
     * kept for the purpose, so the server releases it if this kiosk dies. An H2 file database belongs to one kiosk
     * process, so there it takes nothing (the caller's own in-process lock is enough).
     */
    public SharedLock holdAcrossKiosks(String name) {
        awaitMigrations();
        try {
            Connection c = dataSource.getConnection();
            try {
                if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                    c.close();
                    return () -> { };
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                    ps.setString(1, name);
                    ps.execute();
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return () -> {
                try {
                    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                        ps.setString(1, name);
                        ps.execute();
                    }
                    c.close();
                } catch (SQLException e) {
                    // Never hand a connection that may still hold the lock back to the pool: end its session.
                    try {
                        c.abort(Runnable::run);
                    } catch (SQLException ignored) {
                        // the session is gone already
                    }
                    throw new StoreException(e);
                }
            };
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The data source, once the migrations have run. */
    public DataSource dataSource() {
        awaitMigrations();
        return dataSource;
    }

    /** Closes the connections, after migrations still running have ended (however they end). */
    @Override
    public void close() {
        try {
            migrated.handle((ok, failed) -> null).join();
            closer.close();
        } catch (Exception e) {
            throw new StoreException(e);
        }
    }
}
