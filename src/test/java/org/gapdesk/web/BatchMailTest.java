package org.gapdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.mail.MailResult;
import org.gapdesk.mail.MailSettings;
import org.gapdesk.mail.Mailer;
import org.gapdesk.worksheet.ChannelInstructions;
import org.gapdesk.worksheet.PaperSize;
import org.gapdesk.worksheet.Worksheet;
import org.gapdesk.worksheet.WorksheetEntry;
import org.junit.jupiter.api.Test;

/** Worksheet mail from the batch page: sent in the background, its failure kept for the page to show. */
class BatchMailTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void mailOffIsSaidAndAnAttemptFailsWithTheReason() {
        BatchMail mail = new BatchMail(new Mailer(MailSettings.off("not configured (no mail.json)"), CLOCK), CLOCK);
        assertFalse(mail.enabled());
        assertEquals("mail is off: not configured (no mail.json)", mail.describe());
        assertNull(mail.status(7));
        MailResult r = mail.send(worksheet(7), new byte[] {1}).join();
        assertFalse(r.sent());
        MailStatus s = mail.status(7);
        assertTrue(s.done() && !s.sent(), s.toString());
        assertEquals(r.message(), s.message());
        assertEquals(CLOCK.instant(), s.at());
    }

    @Test
    void aRelayThatIsNotThereIsAFailureWithTheMailersReason() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MailSettings settings = new MailSettings(true, "127.0.0.1", port, false, null, null, "kiosk@example.org",
                List.of("desk@example.org"), 2, null);
        BatchMail mail = new BatchMail(new Mailer(settings, CLOCK), CLOCK);
        assertTrue(mail.enabled());
        mail.send(worksheet(8), new byte[] {1}).join();
        MailStatus s = mail.status(8);
        assertTrue(s.done() && !s.sent());
        assertTrue(s.message().startsWith("mail not sent: "), s.message());
        assertNull(mail.status(7), "each batch has its own");
    }

    private static Worksheet worksheet(long batchId) {
        InstallationId iid = InstallationId.parse(new TestIds(1).iid63());
        return new Worksheet("Test Site", "LAB-A", "Lab A", batchId, ActivationChannel.PHONE, "Ana Lee",
                ZonedDateTime.now(CLOCK), "AAAA", ChannelInstructions.from(null, ActivationChannel.PHONE), PaperSize.A4,
                List.of(new WorksheetEntry(1, 1, "PC-001", false, "Windows", null, null, iid)), 1);
    }
}
