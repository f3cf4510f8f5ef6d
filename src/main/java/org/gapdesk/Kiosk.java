package org.gapdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gapdesk.audit.AuditLog;
import org.gapdesk.bundle.BundleExporter;
import org.gapdesk.config.DatabaseSettings;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.confirm.ConfirmationService;
import org.gapdesk.config.KioskHome;
import org.gapdesk.intake.FormatDetector;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.IntakeService;
import org.gapdesk.intake.Parsers;
import org.gapdesk.licensing.LicensingDesk;
import org.gapdesk.licensing.RaisedAlert;
import org.gapdesk.operator.OperatorService;
import org.gapdesk.operator.SecretHasher;
import org.gapdesk.operator.SessionRegistry;
import org.gapdesk.receipts.ReceiptImporter;
import org.gapdesk.requests.RequestService;
import org.gapdesk.signing.KeyRotator;
import org.gapdesk.signing.KioskKey;
import org.gapdesk.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk: its home folder, configuration, database and the feature services over them. The web and CLI
 * layers both work through this object, so they act on the record the same way.
 */
public final class Kiosk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Kiosk.class);
    private final KioskHome home;
    private final KioskConfig config;
    private final Database database;
    private final IntakeService intake;
    private final RequestService requests;
    private final ConfirmationService confirmations;
    private final BundleExporter bundles;
    private final ReceiptImporter receipts;
    private final KeyRotator keyRotator;
    private final Clock clock;
    private final OperatorService operators;
    private final SessionRegistry sessions;
    private final AuditLog audit;
    /** Guards {@link #key}: held while the key is generated, which takes a moment (nothing else waits on it). */
    private final Object keyLock = new Object();
    private volatile KioskKey key;
    /** The thread generating the key for {@link #prepareKey}, if any; {@link #close} waits for it. */
    private volatile Thread keyMaker;
    private final Object licensingLock = new Object();
    private volatile LicensingDesk licensing;
    /** Alert mails still going out; {@link #close} lets them finish (bounded) before closing the record. */
    private final List<CompletableFuture<?>> alertMail = new CopyOnWriteArrayList<>();

    private Kiosk(KioskHome home, KioskConfig config, Database database, Clock clock, int secretIterations) {
        this.home = home;
        this.clock = clock;
        this.operators = new OperatorService(database, clock, new SecretHasher(secretIterations));
        this.sessions = new SessionRegistry(clock, Duration.ofMinutes(config.site().idleTimeoutMinutes()));
        this.audit = new AuditLog(database, clock);
        this.config = config;
        this.database = database;
        this.intake = new IntakeService(database, new FormatDetector(Parsers.standard()), IntakeLimits.DEFAULT, clock);
        this.requests = new RequestService(database);
        this.confirmations = new ConfirmationService(database, clock,
                (requestId, partialKey, operator) -> alertAfterCid(operator, partialKey));
        this.bundles = new BundleExporter(database, this::key, config.site().kioskId(), clock);
        this.receipts = new ReceiptImporter(database, clock);
        this.keyRotator = new KeyRotator(database, home.keys(), config.site().kioskId(), clock);
    }

    /**
     * Opens the kiosk in {@code home}: reads its configuration and opens (migrating) its database: the shared
     * PostgreSQL database named in {@code config/database.json} when that file exists, else its own H2 file
     * database in {@code data/}.
     */
    public static Kiosk open(KioskHome home) {
        return open(home, Clock.systemUTC());
    }

    /**
     * As {@link #open(KioskHome)} with a chosen clock (tests). New operator secrets are hashed with
     * {@link SecretHasher#DEFAULT_ITERATIONS}, or with the count in the system property
     * {@value #SECRET_ITERATIONS_PROPERTY} when set (tests lower it; the count is stored with each hash).
     */
    public static Kiosk open(KioskHome home, Clock clock) {
        return open(home, clock, Integer.getInteger(SECRET_ITERATIONS_PROPERTY, SecretHasher.DEFAULT_ITERATIONS));
    }

    /** As {@link #open(KioskHome, Clock)} hashing new operator secrets with {@code secretIterations}. */
    public static Kiosk open(KioskHome home, Clock clock, int secretIterations) {
        return open(home, clock, secretIterations, false);
    }

    /**
     * As {@link #open(KioskHome)}, for serving: an H2 database is migrated on a background thread (see
     * {@link Database#openH2(java.nio.file.Path, boolean)}) while the caller starts the web server.
     */
    public static Kiosk openForServing(KioskHome home) {
        return open(home, Clock.systemUTC(), Integer.getInteger(SECRET_ITERATIONS_PROPERTY,
                SecretHasher.DEFAULT_ITERATIONS), true);
    }

    private static Kiosk open(KioskHome home, Clock clock, int secretIterations, boolean migrateInBackground) {
        Database database = DatabaseSettings.load(home.config())
                .map(d -> Database.openPostgres(d.url(), d.user(), d.password(), d.maxConnections()))
                .orElseGet(() -> Database.openH2(home.data(), migrateInBackground));
        try {
            return new Kiosk(home, KioskConfig.load(home.config()), database, clock, secretIterations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** System property that sets the PBKDF2 iteration count for new secrets (tests only). */
    public static final String SECRET_ITERATIONS_PROPERTY = "gapdesk.secretIterations";

    public KioskHome home() {
        return home;
    }

    public KioskConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /** The clock every service of this kiosk reads. */
    public Clock clock() {
        return clock;
    }

    /** Named operators, their roles, secrets and sign-in throttling. */
    public OperatorService operators() {
        return operators;
    }

    /** Signed-in sessions (in memory), ended after the site's idle timeout. */
    public SessionRegistry sessions() {
        return sessions;
    }

    /** The hash-chained audit log. */
    public AuditLog audit() {
        return audit;
    }

    public IntakeService intake() {
        return intake;
    }

    public RequestService requests() {
        return requests;
    }

    public ConfirmationService confirmations() {
        return confirmations;
    }

    /**
     * The kiosk signing key, generated in {@code HOME/keys} on first use. RSA-3072 takes a moment to generate;
     * only callers that need the key wait for it (see {@link #prepareKey}).
     */
    public KioskKey key() {
        KioskKey k = key;
        if (k != null) {
            return k;
        }
        synchronized (keyLock) {
            if (key == null) {
                key = KioskKey.loadOrCreate(home.keys(), config.site().kioskId());
            }
            return key;
        }
    }

    /**
     * Makes the signing key ready without holding up the caller for long: a key already in {@code HOME/keys} is
     * loaded now (so an unusable one fails here), a missing one is generated on a background thread. Until it is
     * done {@link #key()} waits for it; a failure there is logged and {@link #key()} tries again.
     */
    public void prepareKey() {
        if (key != null || KioskKey.isOnDisk(home.keys())) {
            key();
            return;
        }
        Thread t = new Thread(() -> {
            try {
                key();
            } catch (RuntimeException e) {
                LOG.error("could not generate the kiosk signing key in {}", home.keys(), e);
            }
        }, "gapdesk-key");
        t.setDaemon(true);
        keyMaker = t;
        t.start();
    }

    /**
     * The licensing desk (MAK pool, alerts, flags, advice), read from {@code licensing.json} and {@code mail.json}
     * on first use, on this kiosk's clock and the system time zone. After every stored CID the kiosk checks the
     * MAK of the request's partial key for a low-count alert (its mail goes on a background thread).
     */
    public LicensingDesk licensing() {
        LicensingDesk d = licensing;
        if (d != null) {
            return d;
        }
        synchronized (licensingLock) {
            if (licensing == null) {
                licensing = LicensingDesk.open(database, config, home.config(), clock, ZoneId.systemDefault());
            }
            return licensing;
        }
    }

    /** The low-count check after a stored CID; its alert mail (if any) goes in the background. */
    private void alertAfterCid(String operator, String partialKey) {
        for (RaisedAlert a : licensing().alerts().check(operator, partialKey)) {
            alertMail.add(a.mail());
        }
        alertMail.removeIf(CompletableFuture::isDone);
    }

    /** Signed return bundles: export, re-export, the record of bundles. */
    public BundleExporter bundles() {
        return bundles;
    }

    /** Receipts: the lab's results files, which mark exported requests applied or failed. */
    public ReceiptImporter receipts() {
        return receipts;
    }

    /** Rotations of the signing key: {@link #rotateKey} and the recorded history. */
    public KeyRotator keyRotator() {
        return keyRotator;
    }

    /**
     * Replaces the signing key with a new one (the old one is kept in {@code HOME/keys/retired/}) and records
     * the rotation; {@link #key()} returns the new key from then on.
     */
    public KeyRotator.Rotation rotateKey(String operator) {
        synchronized (keyLock) {
            KeyRotator.Rotation r = keyRotator.rotate(operator);
            key = r.key();
            return r;
        }
    }

    /**
     * Closes the record, after a key generation started by {@link #prepareKey} has finished. A low-count alert
     * mail still going out (raised by a CID stored through this kiosk) is first given up to four relay timeouts to
     * finish, so a short-lived kiosk (one CLI command) sends it and records its outcome; past that the alert's mail
     * stays recorded as pending.
     */
    @Override
    public void close() {
        Thread maker = keyMaker;
        if (maker != null) {
            try {
                maker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!alertMail.isEmpty()) {
            long wait = TimeUnit.SECONDS.toMillis(licensing().alerts().mailSettings().timeoutSeconds() * 4L);
            try {
                CompletableFuture.allOf(alertMail.toArray(CompletableFuture[]::new)).get(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the outcome stays pending in the alert's record; nothing else depends on it
            }
        }
        database.close();
    }
}
