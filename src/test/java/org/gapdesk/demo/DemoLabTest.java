package org.gapdesk.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gapdesk.Kiosk;
import org.gapdesk.activation.ActivationRequest;
import org.gapdesk.activation.RequestState;
import org.gapdesk.config.KioskHome;
import org.gapdesk.intake.ImportResult;
import org.gapdesk.intake.Outcome;
import org.gapdesk.intake.UploadedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLabTest {
    private static final Pattern PLACEHOLDER_ID =
            Pattern.compile("de000000-0000-4000-8000-0000000000[0-9]{2}");

    @TempDir
    Path home;

    @Test
    void loadsTheLabsThroughTheRealIntakePath() {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            ImportResult result = DemoLab.load(kiosk).orElseThrow();
            assertFalse(result.preview().anyRejected(), result.preview().summary());
            assertEquals(2, result.preview().files().size());
            assertEquals("gapdesk-request", result.preview().files().get(0).format());
            assertEquals("csv", result.preview().files().get(1).format());
            assertEquals(35, result.preview().count(Outcome.NEW));
            assertEquals(1, result.preview().count(Outcome.REUSED_FROM_STORE));
            assertEquals(2, result.preview().count(Outcome.KMS_CLIENT));

            List<ActivationRequest> all = kiosk.requests().list(null, null, null, 1000);
            assertEquals(38, all.size());
            assertEquals(24, all.stream().filter(r -> r.machine().lab().equals("LAB-A"))
                    .map(r -> r.machine().name()).distinct().count());
            assertEquals(2, all.stream().filter(r -> r.machine().lab().equals("LAB-B")).count());
            assertEquals(2, all.stream().filter(r -> r.state() == RequestState.KMS_CLIENT).count());
            for (ActivationRequest r : all) {
                assertTrue(PLACEHOLDER_ID.matcher(r.product().activationId()).matches(), r.product().activationId());
                assertEquals(63, r.iid().digits().length());
            }
            ActivationRequest dc = all.stream().filter(r -> r.machine().name().equals(DemoLab.STORED_CID_MACHINE))
                    .findFirst().orElseThrow();
            assertEquals(RequestState.CONFIRMED, dc.state());
            assertTrue(dc.cidReused());
            assertEquals(48, dc.cid().length());
            assertTrue(kiosk.requests().history(dc.id()).get(0).operator().equals(DemoLab.OPERATOR));
        }
    }

    @Test
    void loadingAgainAddsNothing() {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            assertTrue(DemoLab.load(kiosk).isPresent());
        }
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home))) {
            List<ActivationRequest> before = kiosk.requests().list(null, null, null, 1000);
            Optional<ImportResult> again = DemoLab.load(kiosk);
            assertTrue(again.isEmpty());
            assertEquals(before, kiosk.requests().list(null, null, null, 1000));
        }
    }

    @Test
    void theFilesAreTheSameBytesEveryTime() {
        List<UploadedFile> a = DemoLab.files();
        List<UploadedFile> b = DemoLab.files();
        assertEquals(2, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertArrayEquals(a.get(i).bytes(), b.get(i).bytes());
        }
    }
}
