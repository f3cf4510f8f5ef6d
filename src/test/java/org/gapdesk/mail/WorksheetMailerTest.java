package org.gapdesk.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.activation.TestIds;
import org.gapdesk.batch.ActivationChannel;
import org.gapdesk.config.KioskConfig;
import org.gapdesk.worksheet.ChannelInstructions;
import org.gapdesk.worksheet.PaperSize;
import org.gapdesk.worksheet.Worksheet;
import org.gapdesk.worksheet.WorksheetEntry;
import org.gapdesk.worksheet.WorksheetPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WorksheetMailerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void theWorksheetArrivesWithThePdfAttached() throws Exception {
        Worksheet ws = worksheet();
        byte[] pdf = new WorksheetPdf().render(ws);
        MailSettings settings = settings(greenMail.getSmtp().getPort(), 5);

        MailResult result = new WorksheetMailer(new Mailer(settings, CLOCK)).send(ws, pdf);

        assertTrue(result.sent(), result.message());
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient");
        MimeMessage mail = received[0];
        assertEquals("Activation worksheet: batch 7, LAB-A, Portal channel, 1 IID", mail.getSubject());
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        String body = (String) parts.getBodyPart(0).getContent();
        assertTrue(body.contains("batch 7") && body.contains("ABCD 0123"), body);
        Part attachment = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("worksheet-batch-7-LAB-A.pdf", attachment.getFileName());
        assertTrue(attachment.getContentType().startsWith("application/pdf"), attachment.getContentType());
        assertArrayEquals(pdf, attachment.getInputStream().readAllBytes());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeadRelayGivesAFailureResultNotAnException() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        MailResult result = new Mailer(settings(deadPort, 2), CLOCK).send("subject", "body", List.of());
        assertFalse(result.sent());
        assertTrue(result.message().startsWith("mail not sent: "), result.message());
        assertTrue(result.message().toLowerCase().contains("connect"), result.message());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRelayThatNeverAnswersTimesOutIntoAFailureResult() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MailResult result = new Mailer(settings(silent.getLocalPort(), 1), CLOCK)
                    .sendInBackground("subject", "body", List.of()).get(30, TimeUnit.SECONDS);
            assertFalse(result.sent());
            assertTrue(result.message().toLowerCase().contains("timed out")
                    || result.message().toLowerCase().contains("timeout"), result.message());
        }
    }

    @Test
    void mailIsOffUnlessConfiguredAndEnabled() throws IOException {
        MailSettings none = MailSettings.load(dir);
        assertFalse(none.enabled());
        assertTrue(none.describe().contains("no mail.json"), none.describe());
        assertFalse(new Mailer(none, CLOCK).send("s", "b", List.of()).sent());

        Files.copy(Path.of("kiosk-config/mail.example.json"), dir.resolve("mail.json"));
        MailSettings example = MailSettings.load(dir);
        assertFalse(example.enabled(), "the shipped example is disabled");

        String json = Files.readString(dir.resolve("mail.json")).replace("\"enabled\": false", "\"enabled\": true");
        Files.writeString(dir.resolve("mail.json"), json);
        MailSettings on = MailSettings.load(dir);
        assertTrue(on.enabled(), on.describe());
        assertNull(on.problem());
        assertEquals(587, on.port());
        assertFalse(on.toString().contains("change-me"), "the password is never shown");

        Files.writeString(dir.resolve("mail.json"), json.replace("licensing@example.org", "not an address"));
        MailSettings bad = MailSettings.load(dir);
        assertFalse(bad.enabled());
        assertTrue(bad.problem().contains("not an address"), bad.problem());
        Files.writeString(dir.resolve("mail.json"), "{ broken");
        assertFalse(MailSettings.load(dir).enabled());
    }

    private static MailSettings settings(int port, int timeoutSeconds) {
        return MailSettings.parse(new ObjectMapper().createObjectNode()
                .put("enabled", true).put("host", "127.0.0.1").put("port", port).put("starttls", false)
                .put("from", "gapdesk@example.org").put("timeoutSeconds", timeoutSeconds)
                .set("recipients", new ObjectMapper().createArrayNode().add("licensing@example.org")
                        .add("Lab Lead <lead@example.org>")));
    }

    private static Worksheet worksheet() {
        InstallationId iid = InstallationId.parse(new TestIds(9).iid63());
        return new Worksheet("Example Research Site", "LAB-A", "Materials lab", 7, ActivationChannel.PORTAL, "alice",
                ZonedDateTime.now(CLOCK), "ABCD 0123", ChannelInstructions.from(KioskConfig.defaults().channels(),
                        ActivationChannel.PORTAL), PaperSize.A4,
                List.of(new WorksheetEntry(1, 1, "PC-001", false, "Windows", null, null, iid)), 1);
    }
}
