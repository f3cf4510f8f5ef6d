package org.gapdesk.licensing;

import static org.gapdesk.licensing.LicensingLab.CLIENT_GROUP;
import static org.gapdesk.licensing.LicensingLab.CLIENT_MAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gapdesk.audit.AuditEntry;
import org.gapdesk.audit.AuditLog;
import org.gapdesk.mail.MailResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MakAlertsTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    LicensingLab lab;
    Map<String, Long> machines;

    @BeforeEach
    void open() {
        lab = new LicensingLab(dir, "2026-11-02T08:00:00Z");
        machines = lab.importLab("LAB-A", LicensingLab.clients("LAB-A-PC", 60, CLIENT_MAK));
    }

    @AfterEach
    void close() {
        lab.close();
    }

    void relay() {
        lab.configFile("mail.json", "{\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": "
                + greenMail.getSmtp().getPort() + ", \"starttls\": false, \"from\": \"gapdesk@example.org\","
                + " \"recipients\": [\"desk@example.org\"], \"timeoutSeconds\": 5}");
        lab.configFile("licensing.json", "{\"warningThreshold\": 10, \"alertRecipients\": [\"licensing@example.org\"]}");
    }

    void keyUpTo(int n) {
        for (int i = 1; i <= n; i++) {
            long id = machines.get(String.format("LAB-A-PC-%03d", i));
            if (new org.gapdesk.requests.RequestService(lab.db).find(id).orElseThrow().cid() == null) {
                lab.key(id);
            }
        }
    }

    static MailResult mailOf(RaisedAlert a) throws Exception {
        return a.mail().get(30, TimeUnit.SECONDS);
    }

    @Test
    void oneAlertMailPerCrossingToTheLicensingRecipients() throws Exception {
        relay();
        LicensingDesk desk = lab.desk();
        assertTrue(desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "13", "2026-11-01", "admin").alerts().isEmpty());

        lab.at("2026-11-03T09:00:00Z");
        keyUpTo(2);
        assertEquals(List.of(), desk.alerts().check("tech"), "11 left: above the threshold");

        keyUpTo(3);
        assertEquals(List.of(), desk.alerts().check("tech", "QQQQQ"), "a key not in the pool: nothing to check");
        assertEquals(List.of(), desk.alerts().check("tech", null));
        List<RaisedAlert> raised = desk.alerts().check("tech", CLIENT_MAK.toLowerCase());
        assertEquals(1, raised.size());
        MakAlert alert = raised.get(0).alert();
        assertEquals(CLIENT_MAK, alert.last5());
        assertEquals(10, alert.remaining());
        assertEquals(10, alert.threshold());
        assertEquals("tech", alert.raisedBy());
        MailResult mail = mailOf(raised.get(0));
        assertTrue(mail.sent(), mail.message());

        keyUpTo(4);
        assertEquals(List.of(), desk.alerts().check("tech", CLIENT_MAK), "still below: the same crossing");
        assertEquals(List.of(), desk.alerts().check("other"));

        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length, "one mail for one crossing");
        MimeMessage m = received[0];
        assertEquals("MAK ending 3V66T is low: 10 remaining (Windows 10/11 Enterprise)", m.getSubject());
        assertEquals("licensing@example.org", m.getRecipients(Message.RecipientType.TO)[0].toString());
        String body = String.valueOf(((jakarta.mail.Multipart) m.getContent()).getBodyPart(0).getContent());
        assertTrue(body.contains("at or below the warning threshold of 10"), body);
        assertTrue(body.contains("gapdesk mak add --last5 3V66T"), body);

        MakAlert recorded = desk.alerts().recent(5).get(0);
        assertEquals(MakAlert.MailStatus.SENT, recorded.mailStatus());
        assertTrue(recorded.mailDetail().contains("licensing@example.org"), recorded.mailDetail());

        // A new reading above the threshold re-arms the alert; a later reading below it is a new crossing.
        lab.at("2026-11-04T09:00:00Z");
        assertTrue(desk.pool().record(CLIENT_MAK, "", "50", "2026-11-04", "admin").alerts().isEmpty());
        lab.at("2026-11-05T09:00:00Z");
        List<RaisedAlert> second = desk.pool().record(CLIENT_MAK, "", "8", "2026-11-05", "admin").alerts();
        assertEquals(1, second.size());
        assertEquals(8, second.get(0).alert().remaining());
        assertTrue(mailOf(second.get(0)).sent());
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        assertEquals(2, greenMail.getReceivedMessages().length);

        List<String> actions = new AuditLog(lab.db, lab.clock).forSubject("mak " + CLIENT_MAK).stream()
                .map(AuditEntry::action).toList();
        assertEquals(List.of("mak.added", "mak.low-alert", "mak.reading", "mak.alert-rearmed", "mak.reading",
                "mak.low-alert"), actions);
    }

    @Test
    void operatorsNoticingTheSameCrossingAtOnceRaiseItOnce() throws Exception {
        relay();
        LicensingDesk desk = lab.desk();
        desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "50", "2026-11-01", "admin");
        lab.at("2026-11-03T09:00:00Z");
        keyUpTo(41);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<RaisedAlert>>> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String who = "op" + i;
                checks.add(() -> lab.desk().alerts().check(who));
            }
            int raised = 0;
            for (Future<List<RaisedAlert>> f : pool.invokeAll(checks)) {
                for (RaisedAlert a : f.get()) {
                    raised++;
                    assertTrue(mailOf(a).sent());
                }
            }
            assertEquals(1, raised);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(1, desk.alerts().recent(10).size());
    }

    @Test
    void withMailOffTheAlertIsStillRecordedAndNothingBlocks() throws Exception {
        LicensingDesk desk = lab.desk();
        List<RaisedAlert> raised = desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "5", "2026-11-01", "admin").alerts();
        assertEquals(1, raised.size(), "a first reading below the threshold is a crossing");
        MailResult mail = mailOf(raised.get(0));
        assertFalse(mail.sent());
        MakAlert recorded = desk.alerts().recent(1).get(0);
        assertEquals(MakAlert.MailStatus.NOT_SENT, recorded.mailStatus());
        assertTrue(recorded.mailDetail().startsWith("mail is off"), recorded.mailDetail());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aDeadRelayIsRecordedAsNotSent() throws Exception {
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        lab.configFile("mail.json", "{\"enabled\": true, \"host\": \"127.0.0.1\", \"port\": " + dead
                + ", \"starttls\": false, \"from\": \"gapdesk@example.org\", \"recipients\": [\"desk@example.org\"],"
                + " \"timeoutSeconds\": 2}");
        LicensingDesk desk = lab.desk();
        List<RaisedAlert> raised = desk.pool().record(CLIENT_MAK, CLIENT_GROUP, "3", "2026-11-01", "admin").alerts();
        MailResult mail = mailOf(raised.get(0));
        assertFalse(mail.sent());
        MakAlert recorded = desk.alerts().recent(1).get(0);
        assertEquals(MakAlert.MailStatus.NOT_SENT, recorded.mailStatus());
        assertTrue(recorded.mailDetail().startsWith("mail not sent"), recorded.mailDetail());
    }

    @Test
    void settingsComeFromLicensingJsonOrTheShippedDefault() {
        assertEquals(10, LicensingSettings.load(null).warningThreshold());
        assertEquals(List.of(), LicensingSettings.load(lab.configDir).alertRecipients());
        lab.configFile("licensing.json", "{\"warningThreshold\": 25}");
        assertEquals(25, LicensingSettings.load(lab.configDir).warningThreshold());
        lab.configFile("licensing.json", "{\"warningThreshold\": -1}");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LicensingSettings.load(lab.configDir)).getMessage().contains("warningThreshold"));
        lab.configFile("licensing.json", "{\"alertRecipients\": [\"not an address\"]}");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LicensingSettings.load(lab.configDir)).getMessage().contains("not an address"));
    }
}
