package org.gapdesk.qr;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A complete, verified Gapdesk QR message.
 *
 * <p>To import it, hand {@link #fileName()} and {@link #bytes()} to intake as an uploaded file: the text is
 * the parts, one a line, which the {@code qr-text} parser reads (and verifies) again, so a message goes
 * through the same validate, preview and commit path as a USB file.
 *
 * @param messageId the message id
 * @param parts the parts as read, in part order
 * @param request what the message carries
 */
public record QrMessage(String messageId, List<String> parts, QrRequest request) {
    public QrMessage {
        parts = List.copyOf(parts);
    }

    /** {@code qr-message-<id>.txt}. */
    public String fileName() {
        return "qr-message-" + messageId + ".txt";
    }

    /** The parts, one a line, each line ending with a line feed. */
    public String text() {
        return String.join("\n", parts) + "\n";
    }

    /** {@link #text()} in UTF-8 (it is ASCII). */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
