package org.gapdesk.mail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gapdesk.worksheet.Worksheet;

/** Mails a worksheet PDF to the site's recipients, with a short text body saying what it is. */
public final class WorksheetMailer {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final Mailer mailer;

    public WorksheetMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Sends the worksheet; the result says whether it went and, if not, why. Never throws. */
    public MailResult send(Worksheet worksheet, byte[] pdf) {
        return mailer.send(subject(worksheet), body(worksheet), List.of(attachment(worksheet, pdf)));
    }

    /** As {@link #send}, on a background thread. */
    public CompletableFuture<MailResult> sendInBackground(Worksheet worksheet, byte[] pdf) {
        return mailer.sendInBackground(subject(worksheet), body(worksheet), List.of(attachment(worksheet, pdf)));
    }

    /** The PDF's file name: {@code worksheet-batch-12-LAB-A.pdf}. */
    public static String fileName(Worksheet worksheet) {
        return "worksheet-batch-" + worksheet.batchId() + "-" + worksheet.lab().replaceAll("[^A-Za-z0-9_-]", "_")
                + ".pdf";
    }

    static String subject(Worksheet w) {
        return "Activation worksheet: batch " + w.batchId() + ", " + w.lab() + ", " + w.channel().label()
                + " channel, " + w.entries().size() + (w.entries().size() == 1 ? " IID" : " IIDs");
    }

    static String body(Worksheet w) {
        return "The activation worksheet of batch " + w.batchId() + " is attached (" + fileName(w) + ").\n\n"
                + "Site:      " + w.siteName() + "\n"
                + "Lab:       " + w.lab() + (w.labName() == null ? "" : " (" + w.labName() + ")") + "\n"
                + "Channel:   " + w.channel().label() + "\n"
                + "Entries:   " + w.entries().size() + " IIDs on " + w.machineCount() + " machines\n"
                + "Operator:  " + w.operator() + "\n"
                + "Date:      " + DATE.format(w.date()) + "\n"
                + "Kiosk key: " + w.fingerprint() + "\n\n"
                + "Compare the kiosk key fingerprint with the one pinned in the lab toolkit before trusting a bundle.\n"
                + "Sent by Gapdesk.\n";
    }

    private static Attachment attachment(Worksheet w, byte[] pdf) {
        return new Attachment(fileName(w), "application/pdf", pdf);
    }
}
