package org.gapdesk.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text mail with attachments through the site's SMTP relay. Every connect, read and write is
 * bounded by {@link MailSettings#timeoutSeconds()}; every failure is logged and returned as a
 * {@link MailResult}, never thrown.
 */
public final class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gapdesk-mail");
        t.setDaemon(true);
        return t;
    });

    private final MailSettings settings;
    private final Clock clock;

    public Mailer(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public MailSettings settings() {
        return settings;
    }

    /** Sends the mail to the configured recipients and waits at most a few timeouts for the relay. */
    public MailResult send(String subject, String body, List<Attachment> attachments) {
        if (!settings.enabled()) {
            return MailResult.failed(settings.describe());
        }
        try {
            Session session = Session.getInstance(properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from(), true));
            for (String to : settings.recipients()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            message.setSubject(oneLine(subject), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            parts.addBodyPart(text);
            for (Attachment a : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.contentType())));
                part.setFileName(oneLine(a.fileName()));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                parts.addBodyPart(part);
            }
            message.setContent(parts);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            String to = String.join(", ", settings.recipients());
            LOG.info("mail '{}' sent to {}", oneLine(subject), to);
            return MailResult.ok("sent to " + to);
        } catch (MessagingException | RuntimeException e) {
            String reason = "mail not sent: " + reason(e);
            LOG.warn("{} (relay {}:{}, subject '{}')", reason, settings.host(), settings.port(), oneLine(subject));
            return MailResult.failed(reason);
        }
    }

    /** As {@link #send}, on a background thread: the caller goes on at once and shows the result when it comes. */
    public CompletableFuture<MailResult> sendInBackground(String subject, String body, List<Attachment> attachments) {
        return CompletableFuture.supplyAsync(() -> send(subject, body, attachments), BACKGROUND);
    }

    private Properties properties() {
        String ms = String.valueOf(settings.timeoutSeconds() * 1000L);
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", ms);
        p.setProperty("mail.smtp.timeout", ms);
        p.setProperty("mail.smtp.writetimeout", ms);
        p.setProperty("mail.smtp.auth", String.valueOf(settings.username() != null));
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }

    /** The most telling message in the cause chain (e.g. "Connection refused"), without credentials. */
    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 300; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
            if (sb.indexOf(m) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }
}
