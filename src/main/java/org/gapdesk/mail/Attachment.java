package org.gapdesk.mail;

/**
 * A file attached to a mail.
 *
 * @param fileName name the recipient sees
 * @param contentType MIME type, e.g. {@code application/pdf}
 * @param bytes the content
 */
public record Attachment(String fileName, String contentType, byte[] bytes) {
}
