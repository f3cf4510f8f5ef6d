package org.gapdesk.web;

import java.util.List;
import org.gapdesk.qr.QrMessage;
import org.gapdesk.qr.QrProgress;

/**
 * What the {@code /qr} page shows of a scan.
 *
 * @param open messages still missing parts, oldest first
 * @param completed completed messages, oldest first
 * @param lines text lines kept (bare IIDs, slmgr lines) for one machine
 * @param events feedback, newest first
 * @param frames webcam frames decoded
 * @param lastFrameCodes codes found in the last webcam frame
 */
public record QrScanView(List<QrProgress> open, List<Completed> completed, int lines, List<Event> events,
        int frames, int lastFrameCodes) {
    public QrScanView {
        open = List.copyOf(open);
        completed = List.copyOf(completed);
        events = List.copyOf(events);
    }

    /**
     * One feedback line.
     *
     * @param kind {@code ok}, {@code info} or {@code problem}
     * @param text the words
     */
    public record Event(String kind, String text) {
    }

    /**
     * A completed message and what the import would do with it.
     *
     * @param message the verified message
     * @param preview intake's preview of it
     */
    public record Completed(QrMessage message, QrCompletion preview) {
    }

    /** {@code idle} (nothing read), {@code scanning} (a message is incomplete) or {@code complete}. */
    public String state() {
        if (!open.isEmpty()) {
            return "scanning";
        }
        return completed.isEmpty() && lines == 0 ? "idle" : "complete";
    }

    /** True when there is something to preview. */
    public boolean ready() {
        return !completed.isEmpty() || lines > 0;
    }

    /** One line for the progress element: the open messages' progress, or what is ready. */
    public String progress() {
        if (!open.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (QrProgress p : open) {
                sb.append(sb.length() == 0 ? "" : " · ").append(p.have()).append(" of ").append(p.count())
                        .append(" parts");
                if (!p.complete()) {
                    sb.append(", missing ").append(missing(p));
                }
            }
            return sb.toString();
        }
        if (!completed.isEmpty()) {
            int entries = completed.stream().mapToInt(c -> c.message().request().entries().size()).sum();
            return "Complete: " + completed.size() + " QR message" + (completed.size() == 1 ? "" : "s") + ", "
                    + entries + " Installation ID" + (entries == 1 ? "" : "s")
                    + (lines > 0 ? ", and " + lines + " text line" + (lines == 1 ? "" : "s") : "");
        }
        if (lines > 0) {
            return lines + " text line" + (lines == 1 ? "" : "s") + " read";
        }
        return "Nothing read yet";
    }

    /** The missing parts as {@link QrProgress#summary()} words them, e.g. {@code 3, 7-9}. */
    private static String missing(QrProgress p) {
        String s = p.summary();
        int at = s.indexOf("; missing ");
        return at < 0 ? "" : s.substring(at + "; missing ".length());
    }
}
