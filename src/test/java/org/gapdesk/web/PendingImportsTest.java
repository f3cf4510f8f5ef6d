package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.gapdesk.intake.ImportPreview;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.junit.jupiter.api.Test;

class PendingImportsTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");

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

    private final HandClock clock = new HandClock();
    private final PendingImports holder = new PendingImports(100, Duration.ofMinutes(30), clock);
    private final IntakeDefaults lab = new IntakeDefaults("LAB-A");

    private static List<UploadedFile> files(int bytes) {
        return List.of(new UploadedFile("a.json", new byte[bytes]));
    }

    @Test
    void holdsUnderARandomWellFormedToken() {
        String a = holder.hold(files(10), lab);
        String b = holder.hold(files(10), lab);

        assertNotEquals(a, b);
        assertTrue(PendingImports.wellFormed(a), a);
        assertEquals("LAB-A", holder.get(a).orElseThrow().defaults().lab());
        assertEquals(20, holder.heldBytes());
        assertFalse(PendingImports.wellFormed("../../etc/passwd"));
        assertFalse(PendingImports.wellFormed(null));
    }

    @Test
    void expiresAfterTheTimeToLive() {
        String token = holder.hold(files(10), lab);
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertTrue(holder.get(token).isPresent());

        clock.now = clock.now.plusSeconds(1);

        assertTrue(holder.get(token).isEmpty());
        assertEquals(0, holder.heldBytes());
    }

    @Test
    void dropsTheOldestToStayWithinTheByteBound() {
        String first = holder.hold(files(60), lab);
        String second = holder.hold(files(30), lab);
        String third = holder.hold(files(30), lab);

        assertTrue(holder.get(first).isEmpty());
        assertTrue(holder.get(second).isPresent());
        assertTrue(holder.get(third).isPresent());
        assertEquals(60, holder.heldBytes());
        assertThrows(IllegalArgumentException.class, () -> holder.hold(files(101), lab));
    }

    @Test
    void takeHandsAnImportOutOnceAndItsResultIsKept() {
        String token = holder.hold(files(10), lab);

        assertTrue(holder.take(token).isPresent());
        assertTrue(holder.take(token).isEmpty());
        assertEquals(0, holder.heldBytes());

        ImportResult result = new ImportResult(new ImportPreview(List.of()), List.of(7L));
        holder.committed(token, result);
        assertEquals(List.of(7L), holder.result(token).orElseThrow().createdRequestIds());
    }

    @Test
    void aFailedCommitCanPutTheImportBack() {
        String token = holder.hold(files(10), lab);
        PendingImports.Pending p = holder.take(token).orElseThrow();

        holder.putBack(p);

        assertTrue(holder.get(token).isPresent());
        assertEquals(10, holder.heldBytes());
    }
}
