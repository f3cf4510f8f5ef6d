package org.gapdesk.operator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions of signed-in operators, in memory: a restart signs everyone out. A session ends after
 * {@code idleTimeout} without activity; any use of it renews it. Tokens are 256-bit random values.
 */
public final class SessionRegistry {
    private final Clock clock;
    private final Duration idleTimeout;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public SessionRegistry(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Starts a session for a signed-in operator. */
    public Session start(Operator operator) {
        Session s = new Session(token(), token(), operator, clock.instant());
        sessions.put(s.token(), s);
        return s;
    }

    /** The live session for a token, renewed; empty when unknown or idle too long (then it is ended). */
    public Optional<Session> touch(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (Duration.between(s.lastSeen(), now).compareTo(idleTimeout) >= 0) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session renewed = new Session(s.token(), s.csrfToken(), s.operator(), now);
        sessions.put(token, renewed);
        return Optional.of(renewed);
    }

    /** The live session without renewing it (for "still there?" checks). */
    public Optional<Session> peek(String token) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null || Duration.between(s.lastSeen(), clock.instant()).compareTo(idleTimeout) >= 0) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Ends a session. */
    public void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** True when {@code presented} equals the session's CSRF token (constant-time comparison). */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
