package org.gapdesk.licensing;

import java.util.concurrent.CompletableFuture;
import org.gapdesk.mail.MailResult;

/**
 * An alert raised by {@link MakAlerts#check}: already recorded; its mail goes on a background thread.
 *
 * @param alert the alert as recorded
 * @param mail completes with the mail's outcome (also written to the alert's record); never fails
 */
public record RaisedAlert(MakAlert alert, CompletableFuture<MailResult> mail) {
}
