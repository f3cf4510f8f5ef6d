package org.gapdesk.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gapdesk.store.AuditChain;
import org.gapdesk.store.Database;

/**
 * Operators: add, change role, disable, set secret, sign in. Sign-in is throttled per name: after
 * {@value #FREE_ATTEMPTS} failures in a row the name is locked for a period that doubles with each further
 * failure (30 s, 1 min, 2 min, ... capped at 15 min); the count survives a restart. Every change is audited.
 */
public final class OperatorService {
    /** Failures allowed before throttling starts. */
    public static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** Shortest accepted secret (a PIN of 6 digits, or a password). */
    public static final int MIN_SECRET = 6;

    private final Database db;
    private final Clock clock;
    private final SecretHasher hasher;
    private final AuditChain audit = new AuditChain();

    public OperatorService(Database db, Clock clock, SecretHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** True when no operator exists yet (first start: set up an admin). */
    public boolean none() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM operator");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /**
     * Adds an operator.
     *
     * @param by who adds it (the first admin adds itself)
     * @throws IllegalArgumentException for a bad name, a short secret, or a name already taken
     */
    public Operator add(String name, Role role, char[] secret, String by) {
        String n = validName(name);
        checkSecret(secret);
        String hash = hasher.hash(secret);
        return db.inTransaction(c -> {
            if (find(c, n).isPresent()) {
                throw new IllegalArgumentException("an operator named '" + n + "' already exists");
            }
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator (name, role, secret_hash, active,"
                    + " failed_attempts, created_by, created_at) VALUES (?,?,?,TRUE,0,?,?)")) {
                ps.setString(1, n);
                ps.setString(2, role.name());
                ps.setString(3, hash);
                ps.setString(4, by);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
            audit.append(c, now, by, "operator.added", "operator " + n, "role " + role.name().toLowerCase(Locale.ROOT));
            return find(c, n).orElseThrow();
        });
    }

    /** Changes an operator's role. */
    public void setRole(String name, Role role, String by) {
        update(name, by, "operator.role", "role " + role.name().toLowerCase(Locale.ROOT),
                "UPDATE operator SET role = ? WHERE name = ?", role.name());
    }

    /** Enables or disables an operator (never deleted: the record keeps its name). */
    public void setActive(String name, boolean active, String by) {
        update(name, by, active ? "operator.enabled" : "operator.disabled", active ? "enabled" : "disabled",
                "UPDATE operator SET active = ? WHERE name = ?", active);
    }

    /** Sets a new secret and clears any throttle. */
    public void setSecret(String name, char[] secret, String by) {
        checkSecret(secret);
        String hash = hasher.hash(secret);
        update(name, by, "operator.secret", "secret changed",
                "UPDATE operator SET secret_hash = ?, failed_attempts = 0, locked_until = NULL WHERE name = ?", hash);
    }

    /** All operators by name. */
    public List<Operator> list() {
        return db.read(c -> {
            List<Operator> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, active FROM operator ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Operator(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                            rs.getBoolean(4)));
                }
            }
            return out;
        });
    }

    /** The operator with this name, if any. */
    public Optional<Operator> find(String name) {
        return db.read(c -> find(c, name == null ? "" : name.strip()));
    }

    /**
     * Checks a name and secret. While a name is locked no secret is even checked. The message never says
     * whether the name exists.
     */
    public SignInResult signIn(String name, char[] secret) {
        String n = name == null ? "" : name.strip();
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            String hash;
            int failed;
            Instant lockedUntil;
            boolean active;
            try (PreparedStatement ps = c.prepareStatement("SELECT secret_hash, failed_attempts, locked_until, active"
                    + " FROM operator WHERE name = ? FOR UPDATE")) {
                ps.setString(1, n);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        hasher.matches(secret, null);
                        return new SignInResult(null, "name or secret not recognised", null);
                    }
                    hash = rs.getString(1);
                    failed = rs.getInt(2);
                    Timestamp t = rs.getTimestamp(3);
                    lockedUntil = t == null ? null : t.toInstant();
                    active = rs.getBoolean(4);
                }
            }
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return new SignInResult(null, "too many failed attempts: try again after "
                        + Duration.between(now, lockedUntil).toSeconds() + " s", lockedUntil);
            }
            if (active && hasher.matches(secret, hash)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE operator SET failed_attempts = 0, locked_until = NULL WHERE name = ?")) {
                    ps.setString(1, n);
                    ps.executeUpdate();
                }
                audit.append(c, now, n, "operator.signed-in", "operator " + n, "signed in");
                return new SignInResult(find(c, n).orElseThrow(), "signed in", null);
            }
            int nowFailed = failed + 1;
            Instant lock = null;
            if (nowFailed >= FREE_ATTEMPTS) {
                long factor = 1L << Math.min(10, nowFailed - FREE_ATTEMPTS);
                Duration d = FIRST_LOCK.multipliedBy(factor);
                lock = now.plus(d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operator SET failed_attempts = ?, locked_until = ? WHERE name = ?")) {
                ps.setInt(1, nowFailed);
                ps.setTimestamp(2, lock == null ? null : Timestamp.from(lock));
                ps.setString(3, n);
                ps.executeUpdate();
            }
            audit.append(c, now, n, "operator.sign-in-failed", "operator " + n, "failed attempt " + nowFailed
                    + (lock == null ? "" : "; locked until " + lock));
            return new SignInResult(null, lock == null ? "name or secret not recognised"
                    : "too many failed attempts: try again after " + Duration.between(now, lock).toSeconds() + " s",
                    lock);
        });
    }

    private void update(String name, String by, String action, String detail, String sql, Object value) {
        String n = name == null ? "" : name.strip();
        db.inTransaction(c -> {
            if (find(c, n).isEmpty()) {
                throw new IllegalArgumentException("no operator named '" + n + "'");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, value);
                ps.setString(2, n);
                ps.executeUpdate();
            }
            audit.append(c, clock.instant(), by, action, "operator " + n, detail);
            return null;
        });
    }

    private static Optional<Operator> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, active FROM operator WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Operator(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), rs.getBoolean(4))) : Optional.empty();
            }
        }
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 64 || !n.matches("[\\p{L}\\p{N} ._@'-]+")) {
            throw new IllegalArgumentException("operator names are 1 to 64 letters, digits, spaces or . _ @ ' -");
        }
        return n;
    }

    private static void checkSecret(char[] secret) {
        if (secret == null || secret.length < MIN_SECRET) {
            throw new IllegalArgumentException("a password or PIN needs at least " + MIN_SECRET + " characters");
        }
    }
}
