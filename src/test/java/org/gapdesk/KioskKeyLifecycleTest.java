package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gapdesk.config.KioskHome;
import org.gapdesk.signing.KioskKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskKeyLifecycleTest {
    @TempDir
    Path home;

    @Test
    void aMissingKeyIsMadeInTheBackgroundAndCloseWaitsForIt() {
        String fingerprint;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            kiosk.prepareKey();
            KioskKey key = kiosk.key();
            assertSame(key, kiosk.key());
            fingerprint = key.fingerprint();
        }
        assertTrue(KioskKey.isOnDisk(KioskHome.of(home).keys()));
        try (Kiosk again = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            again.prepareKey();
            assertEquals(fingerprint, again.key().fingerprint());
        }
    }

    @Test
    void closingRightAfterPrepareLeavesAWholeKeyPair() {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            kiosk.prepareKey();
        }
        assertTrue(KioskKey.isOnDisk(KioskHome.of(home).keys()));
        try (Kiosk again = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            assertNotNull(again.key().fingerprint());
        }
    }

    @Test
    void theKeyAndTheLicensingDeskDoNotTakeTheKioskObjectsLock() throws Exception {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            synchronized (kiosk) {
                assertNotNull(CompletableFuture.supplyAsync(kiosk::licensing).get(60, TimeUnit.SECONDS));
                assertNotNull(CompletableFuture.supplyAsync(kiosk::key).get(60, TimeUnit.SECONDS));
            }
        }
    }
}
