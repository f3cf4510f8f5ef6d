package org.gapdesk.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.gapdesk.audit.AuditLog;
import org.gapdesk.store.Database;
import org.gapdesk.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorServiceTest {
    @TempDir
    Path dir;
    Database db;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    OperatorService operators;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        operators = new OperatorService(db, clock, new SecretHasher(1_000));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstAdminIsAddedAndSignsIn() {
        assertTrue(operators.none());
        operators.add("Ada", Role.ADMIN, "correct horse".toCharArray(), "Ada");
        assertFalse(operators.none());
        SignInResult r = operators.signIn("Ada", "correct horse".toCharArray());
        assertTrue(r.ok(), r.message());
        assertEquals(Role.ADMIN, r.operator().role());
        assertFalse(operators.signIn("Ada", "wrong horse!".toCharArray()).ok());
        assertEquals("name or secret not recognised", operators.signIn("Nobody", "whatever".toCharArray()).message());
    }

    @Test
    void throttlingLocksTheNameAndSurvivesARestart() {
        operators.add("Bob", Role.OPERATOR, "123456".toCharArray(), "admin");
        for (int i = 0; i < OperatorService.FREE_ATTEMPTS - 1; i++) {
            assertEquals(null, operators.signIn("Bob", "000000".toCharArray()).lockedUntil());
        }
        SignInResult locked = operators.signIn("Bob", "000000".toCharArray());
        assertNotNull(locked.lockedUntil());
        // even the right PIN is refused while locked, and a new service over the same database agrees
        OperatorService afterRestart = new OperatorService(db, clock, new SecretHasher(1_000));
        assertFalse(afterRestart.signIn("Bob", "123456".toCharArray()).ok());
        clock.advance(Duration.ofSeconds(31));
        assertTrue(afterRestart.signIn("Bob", "123456".toCharArray()).ok());
    }

    @Test
    void theLockDoublesWithEachFurtherFailureUpToTheCap() {
        operators.add("Cy", Role.OPERATOR, "123456".toCharArray(), "admin");
        Duration last = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            SignInResult r = operators.signIn("Cy", "bad-pin".toCharArray());
            if (r.lockedUntil() != null) {
                Duration d = Duration.between(clock.instant(), r.lockedUntil());
                assertTrue(d.compareTo(last) >= 0 && d.compareTo(OperatorService.MAX_LOCK) <= 0, d.toString());
                last = d;
                clock.advance(d);
            }
        }
        assertEquals(OperatorService.MAX_LOCK, last);
    }

    @Test
    void disabledOperatorsCannotSignInAndChangesAreAudited() {
        operators.add("Dee", Role.OPERATOR, "123456".toCharArray(), "admin");
        operators.setActive("Dee", false, "admin");
        assertFalse(operators.signIn("Dee", "123456".toCharArray()).ok());
        operators.setActive("Dee", true, "admin");
        operators.setRole("Dee", Role.ADMIN, "admin");
        assertEquals(Role.ADMIN, operators.find("Dee").orElseThrow().role());
        AuditLog audit = new AuditLog(db, clock);
        assertTrue(audit.verify().intact());
        assertTrue(audit.forSubject("operator Dee").stream().anyMatch(e -> e.action().equals("operator.disabled")));
    }

    @Test
    void badNamesShortSecretsAndDuplicatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> operators.add("", Role.OPERATOR, "123456".toCharArray(), "a"));
        assertThrows(IllegalArgumentException.class,
                () -> operators.add("<script>", Role.OPERATOR, "123456".toCharArray(), "a"));
        assertThrows(IllegalArgumentException.class, () -> operators.add("Eve", Role.OPERATOR, "123".toCharArray(), "a"));
        operators.add("Eve", Role.OPERATOR, "123456".toCharArray(), "a");
        assertThrows(IllegalArgumentException.class, () -> operators.add("Eve", Role.ADMIN, "654321".toCharArray(), "a"));
    }

    @Test
    void hashesAreSaltedAndCarryTheirWorkFactor() {
        SecretHasher h = new SecretHasher(1_000);
        String a = h.hash("123456".toCharArray());
        String b = h.hash("123456".toCharArray());
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(a.equals(b));
        assertTrue(h.matches("123456".toCharArray(), b));
        assertTrue(new SecretHasher(5).matches("123456".toCharArray(), a), "verifies with the stored work factor");
        assertFalse(h.matches("123456".toCharArray(), "garbage"));
    }

    @Test
    void sessionsEndAfterTheIdleTimeoutAndActivityRenewsThem() {
        SessionRegistry sessions = new SessionRegistry(clock, Duration.ofMinutes(5));
        Operator op = operators.add("Fay", Role.OPERATOR, "123456".toCharArray(), "a");
        Session s = sessions.start(op);
        clock.advance(Duration.ofMinutes(4));
        assertTrue(sessions.touch(s.token()).isPresent());
        clock.advance(Duration.ofMinutes(4));
        assertTrue(sessions.touch(s.token()).isPresent(), "renewed by the touch four minutes ago");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(sessions.peek(s.token()).isEmpty());
        assertTrue(sessions.touch(s.token()).isEmpty());
        assertTrue(SessionRegistry.csrfMatches(s, s.csrfToken()));
        assertFalse(SessionRegistry.csrfMatches(s, "forged"));
        assertFalse(SessionRegistry.csrfMatches(s, null));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
