package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock, 3, Duration.ofMinutes(5));

    @Test
    void holdsEverySignInOnceTheLimitIsReachedWithinTheWindow() {
        throttle.failed();
        clock.advance(Duration.ofMinutes(1));
        throttle.failed();
        assertNull(throttle.refusal());
        throttle.failed();
        String refusal = throttle.refusal();
        assertNotNull(refusal);
        assertTrue(refusal.contains("try again after 240 s"), refusal);
    }

    @Test
    void oldFailuresLeaveTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed();
        }
        clock.advance(Duration.ofMinutes(5));
        assertNull(throttle.refusal());
        throttle.failed();
        throttle.failed();
        assertNull(throttle.refusal(), "two failures in the window");
        throttle.failed();
        assertEquals("Too many failed sign-ins at this kiosk: try again after 300 s.", throttle.refusal());
    }
}
