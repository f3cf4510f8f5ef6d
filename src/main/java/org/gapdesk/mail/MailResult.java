package org.gapdesk.mail;

/**
 * What became of a mail: sent, or not and why. Mail never throws into the desk; callers show this.
 *
 * @param sent true when the relay accepted the mail
 * @param message for the operator: the recipients, or the reason it was not sent
 */
public record MailResult(boolean sent, String message) {
    static MailResult ok(String message) {
        return new MailResult(true, message);
    }

    static MailResult failed(String reason) {
        return new MailResult(false, reason);
    }
}
