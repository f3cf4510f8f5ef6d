package org.gapdesk.web;

import java.time.Instant;

/**
 * The last worksheet mail of a batch as the batch page shows it.
 *
 * @param at when it was asked for
 * @param done false while the relay is still being tried
 * @param sent true when the relay took it
 * @param message the recipients, or why it was not sent (the mailer's own words)
 */
public record MailStatus(Instant at, boolean done, boolean sent, String message) {
}
