package org.gapdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gapdesk.activation.Product;
import org.gapdesk.activation.TestIds;
import org.gapdesk.config.KioskHome;
import org.gapdesk.confirm.ConfirmStatus;
import org.gapdesk.confirm.ConfirmationService;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.intake.IntakeDefaults;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.licensing.MakAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's one licensing desk, and the low-count alert check after each stored CID. */
class KioskLicensingTest {
    static final String MAK = "3V66T";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path home;

    @Test
    void aStoredCidThatTakesTheMakToTheThresholdRaisesOneAlert() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/licensing.json"), "{ \"warningThreshold\": 10 }");
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), clock, 1_000)) {
            assertSame(kiosk.licensing(), kiosk.licensing(), "web and CLI share one desk");
            TestIds ids = new TestIds(7);
            List<Long> requests = importMachines(kiosk, ids, 3, MAK);
            kiosk.licensing().pool().record(MAK, "Windows 10/11 Enterprise", "12", "2026-11-19", "admin");

            assertEquals(ConfirmStatus.STORED, kiosk.confirmations().confirm(requests.get(0), ids.cid48(), false,
                    false, "tech").status());
            assertTrue(kiosk.licensing().alerts().recent(5).isEmpty(), "11 left: above the threshold");

            String cid = ids.cid48();
            assertEquals(ConfirmStatus.STORED, kiosk.confirmations().confirm(requests.get(1), cid, false, false,
                    "tech").status());
            List<MakAlert> alerts = kiosk.licensing().alerts().recent(5);
            assertEquals(1, alerts.size(), "10 left: the crossing raises an alert");
            assertEquals(10, alerts.get(0).remaining());
            assertEquals("tech", alerts.get(0).raisedBy());

            assertEquals(ConfirmStatus.UNCHANGED, kiosk.confirmations().confirm(requests.get(1), cid, false, false,
                    "tech").status());
            assertEquals(ConfirmStatus.STORED, kiosk.confirmations().confirm(requests.get(2), ids.cid48(), false,
                    false, "tech").status());
            assertEquals(1, kiosk.licensing().alerts().recent(5).size(), "the same crossing alerts once");
        }
    }

    @Test
    void closingTheKioskLetsTheAlertMailGoOutAndRecordsItsOutcome() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/licensing.json"), "{ \"warningThreshold\": 10 }");
        Files.writeString(home.resolve("config/mail.json"), "{\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": "
                + greenMail.getSmtp().getPort() + ", \"starttls\": false, \"from\": \"gapdesk@example.org\","
                + " \"recipients\": [\"licensing@example.org\"], \"timeoutSeconds\": 5}");
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        TestIds ids = new TestIds(9);
        List<Long> requests;
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), clock, 1_000)) {
            requests = importMachines(kiosk, ids, 1, MAK);
            kiosk.licensing().pool().record(MAK, "Windows 10/11 Enterprise", "11", "2026-11-19", "admin");
        }
        try (Kiosk cli = Kiosk.open(KioskHome.of(home), clock, 1_000)) {
            assertEquals(ConfirmStatus.STORED, cli.confirmations().confirm(requests.get(0), ids.cid48(), false, false,
                    "tech").status());
        }
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), clock, 1_000)) {
            MakAlert alert = kiosk.licensing().alerts().recent(1).get(0);
            assertEquals(MakAlert.MailStatus.SENT, alert.mailStatus(), String.valueOf(alert.mailDetail()));
        }
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertTrue(greenMail.getReceivedMessages()[0].getSubject().contains("MAK ending " + MAK + " is low"));
    }

    @Test
    void theListenerHearsOnlyStoredCidsAndItsFailureNeverFailsTheConfirmation() {
        try (Kiosk kiosk = Kiosk.open(KioskHome.of(home), Clock.systemUTC(), 1_000)) {
            TestIds ids = new TestIds(8);
            List<Long> requests = importMachines(kiosk, ids, 1, MAK);
            AtomicInteger heard = new AtomicInteger();
            List<String> keys = new ArrayList<>();
            ConfirmationService service = new ConfirmationService(kiosk.database(), kiosk.clock(),
                    (requestId, partialKey, operator) -> {
                        heard.incrementAndGet();
                        keys.add(partialKey);
                        throw new IllegalStateException("the listener broke");
                    });
            String cid = ids.cid48();
            assertEquals(ConfirmStatus.REFUSED, service.confirm(requests.get(0), "123", false, false, "t").status());
            assertEquals(ConfirmStatus.STORED, service.confirm(requests.get(0), cid, false, false, "t").status());
            assertEquals(ConfirmStatus.UNCHANGED, service.confirm(requests.get(0), cid, false, false, "t").status());
            assertEquals(1, heard.get());
            assertEquals(List.of(MAK), keys);
        }
    }

    static List<Long> importMachines(Kiosk kiosk, TestIds ids, int n, String partialKey) {
        RequestFileBuilder file = new RequestFileBuilder("LAB-A");
        for (int i = 1; i <= n; i++) {
            file.machine(new RequestFileBuilder.MachineEntry(String.format("PC-%03d", i), false, List.of(
                    new RequestFileBuilder.ProductEntry("7a1b2c3d-0000-4000-8000-00000000a001", Product.WINDOWS_APP_ID,
                            "Windows(R), Enterprise edition", "Windows(R) Operating System, VOLUME_MAK channel",
                            "Volume:MAK", partialKey, 2, ids.iid63()))));
        }
        return kiosk.intake().commit(List.of(new UploadedFile("lab-a.json", file.toBytes(false))),
                new IntakeDefaults("LAB-A"), "tech").createdRequestIds();
    }
}
