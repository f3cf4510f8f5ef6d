package org.gapdesk.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets: every service of a test record reads the same moment. */
public final class TestClock extends Clock {
    private volatile Instant now;

    public TestClock(String isoInstant) {
        this.now = Instant.parse(isoInstant);
    }

    /** Moves the clock to {@code isoInstant}. */
    public TestClock set(String isoInstant) {
        now = Instant.parse(isoInstant);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
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
