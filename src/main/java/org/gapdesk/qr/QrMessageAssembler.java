package org.gapdesk.qr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the parts of multi-part Gapdesk QR messages from decoded strings, in any order and with any
 * repetition (webcam frames, photos, a handheld scanner, paste). Parts are kept per message id; a part
 * whose header disagrees with earlier parts of the same id (another part count, other data for the same
 * part number) is rejected, so two messages are never mixed. When the last part arrives the whole message
 * is verified against its checksum and decoded.
 *
 * <p>One assembler serves one scanning session; it is thread-safe. Memory is bounded by {@link QrLimits}:
 * at most {@code maxOpenMessages} incomplete messages, each at most {@code maxBodyBytes}; completed messages
 * are remembered (the most recent 64) only to report repeated scans of them.
 */
public final class QrMessageAssembler {
    private static final int REMEMBERED_COMPLETED = 64;

    private final QrLimits limits;
    private final Map<String, TreeMap<Integer, QrPart>> open = new LinkedHashMap<>();
    private final Map<String, QrMessage> completed = new LinkedHashMap<>();

    public QrMessageAssembler() {
        this(QrLimits.DEFAULT);
    }

    public QrMessageAssembler(QrLimits limits) {
        this.limits = limits;
    }

    /** Feeds one decoded string (one QR code's text, or one scanned line). */
    public synchronized QrOffer offer(String text) {
        if (text == null || text.isBlank()) {
            return new QrOffer(QrOffer.Status.REJECTED, "empty QR payload", null, null);
        }
        if (!QrPart.looksLikePart(text)) {
            return new QrOffer(QrOffer.Status.NOT_GAPDESK, "not a Gapdesk QR part; read as text (Installation ID"
                    + " digits or slmgr /dti output)", null, null);
        }
        QrPart part;
        try {
            part = QrPart.parse(text, limits);
        } catch (QrFormatException e) {
            return new QrOffer(QrOffer.Status.REJECTED, e.getMessage(), null, null);
        }
        String id = part.messageId();
        QrMessage done = completed.get(id);
        if (done != null) {
            return new QrOffer(QrOffer.Status.ALREADY_COMPLETED, "QR message " + id + " is already complete ("
                    + done.parts().size() + " parts)", new QrProgress(id, part.count(), allParts(part.count())), null);
        }
        TreeMap<Integer, QrPart> parts = open.get(id);
        if (parts == null) {
            if (open.size() >= limits.maxOpenMessages()) {
                return new QrOffer(QrOffer.Status.REJECTED, part.label() + " rejected: already collecting "
                        + open.size() + " incomplete messages; finish those or start a new scan", null, null);
            }
            parts = new TreeMap<>();
            open.put(id, parts);
        } else {
            QrPart any = parts.firstEntry().getValue();
            if (any.count() != part.count()) {
                return new QrOffer(QrOffer.Status.REJECTED, part.label() + " rejected: earlier parts of QR message "
                        + id + " said " + any.count() + " parts; these codes are from different messages",
                        progress(id, parts), null);
            }
        }
        QrPart held = parts.get(part.index());
        if (held != null) {
            if (held.equals(part)) {
                return new QrOffer(QrOffer.Status.DUPLICATE, part.label() + " already read; "
                        + progress(id, parts).summary(), progress(id, parts), null);
            }
            return new QrOffer(QrOffer.Status.REJECTED, part.label() + " rejected: it differs from the "
                    + part.label() + " read earlier", progress(id, parts), null);
        }
        long size = part.data().length;
        for (QrPart p : parts.values()) {
            size += p.data().length;
        }
        if (size > limits.maxBodyBytes()) {
            open.remove(id);
            return new QrOffer(QrOffer.Status.REJECTED, "QR message " + id + " is over the limit of "
                    + limits.maxBodyBytes() + " bytes; dropped", null, null);
        }
        parts.put(part.index(), part);
        QrProgress progress = progress(id, parts);
        if (!progress.complete()) {
            return new QrOffer(QrOffer.Status.ADDED, part.label() + " added; " + progress.summary(), progress, null);
        }
        open.remove(id);
        QrRequest request;
        try {
            request = QrPayloads.decode(new ArrayList<>(parts.values()), limits);
        } catch (QrFormatException e) {
            return new QrOffer(QrOffer.Status.REJECTED, e.getMessage() + " (message dropped)", progress, null);
        }
        List<String> texts = parts.values().stream().map(QrPart::text).toList();
        QrMessage message = new QrMessage(id, texts, request);
        completed.put(id, message);
        if (completed.size() > REMEMBERED_COMPLETED) {
            completed.remove(completed.keySet().iterator().next());
        }
        return new QrOffer(QrOffer.Status.COMPLETED, "QR message " + id + " complete: " + parts.size() + " parts, "
                + request.entries().size() + " Installation IDs of lab " + request.lab(), progress, message);
    }

    /** Progress of every incomplete message, oldest first. */
    public synchronized List<QrProgress> openMessages() {
        List<QrProgress> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, QrPart>> e : open.entrySet()) {
            out.add(progress(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The completed messages still remembered, oldest first. */
    public synchronized List<QrMessage> completedMessages() {
        return List.copyOf(completed.values());
    }

    /** Forgets everything. */
    public synchronized void reset() {
        open.clear();
        completed.clear();
    }

    private static QrProgress progress(String id, TreeMap<Integer, QrPart> parts) {
        return new QrProgress(id, parts.firstEntry().getValue().count(), new ArrayList<>(parts.keySet()));
    }

    private static List<Integer> allParts(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            all.add(i);
        }
        return all;
    }
}
