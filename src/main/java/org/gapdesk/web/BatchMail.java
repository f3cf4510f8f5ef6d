package org.gapdesk.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gapdesk.mail.MailResult;
import org.gapdesk.mail.Mailer;
import org.gapdesk.mail.WorksheetMailer;
import org.gapdesk.worksheet.Worksheet;

/**
 * Mails batch worksheets in the background, so the desk never waits for the relay, and keeps the last
 * attempt of each recent batch (in memory) for the batch page to show: sending, sent, or the failure.
 */
final class BatchMail {
    /** Batches whose last attempt is remembered. */
    static final int REMEMBERED = 200;

    private record Attempt(Instant at, CompletableFuture<MailResult> result) {
    }

    private final Mailer mailer;
    private final Clock clock;
    private final Map<Long, Attempt> last = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Attempt> eldest) {
            return size() > REMEMBERED;
        }
    };

    BatchMail(Mailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
    }

    /** True when the site's mail relay is configured and on. */
    boolean enabled() {
        return mailer.settings().enabled();
    }

    /** One line: where mail goes, or why it is off. */
    String describe() {
        return mailer.settings().describe();
    }

    /** Starts sending the worksheet; returns at once with the result to come. */
    CompletableFuture<MailResult> send(Worksheet worksheet, byte[] pdf) {
        Attempt a = new Attempt(clock.instant(), new WorksheetMailer(mailer).sendInBackground(worksheet, pdf));
        synchronized (last) {
            last.remove(worksheet.batchId());
            last.put(worksheet.batchId(), a);
        }
        return a.result();
    }

    /** The last attempt for the batch, or null when none is remembered. */
    MailStatus status(long batchId) {
        Attempt a;
        synchronized (last) {
            a = last.get(batchId);
        }
        if (a == null) {
            return null;
        }
        MailResult r = a.result().getNow(null);
        return r == null ? new MailStatus(a.at(), false, false, "sending") : new MailStatus(a.at(), true, r.sent(),
                r.message());
    }
}
