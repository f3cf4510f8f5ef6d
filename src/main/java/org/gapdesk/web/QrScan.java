package org.gapdesk.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;
import org.gapdesk.qr.QrLimits;
import org.gapdesk.qr.QrMessage;
import org.gapdesk.qr.QrMessageAssembler;
import org.gapdesk.qr.QrOffer;

/**
 * One operator's QR scan on the {@code /qr} page: every decoded string from the webcam, photos, a handheld
 * scanner and paste goes to one {@link QrMessageAssembler}. Gapdesk parts are collected per message; other
 * text (bare IIDs, {@code slmgr /dti} lines) is kept as lines, once each, for one text upload named after a
 * machine. Completed messages and those lines become uploads for the import preview ({@link #uploads}).
 *
 * <p>Bounded: the assembler by {@link QrLimits}; the lines by the intake limits (line length, lines per file,
 * bytes per file); the feedback by {@link #EVENTS}. Thread-safe.
 */
final class QrScan {
    /** Feedback lines kept, newest first. */
    static final int EVENTS = 8;

    private final QrMessageAssembler assembler = new QrMessageAssembler(QrLimits.DEFAULT);
    private final IntakeLimits limits;
    private final Function<QrMessage, QrCompletion> previewer;
    private final Map<String, QrScanView.Completed> completed = new LinkedHashMap<>();
    private final Set<String> lines = new LinkedHashSet<>();
    private final Deque<QrScanView.Event> events = new ArrayDeque<>();
    private long lineBytes;
    private int frames;
    private int lastFrameCodes;
    private int emptyFrames;

    /**
     * @param limits bounds for the collected text lines
     * @param previewer what intake would do with a completed message (called once per message)
     */
    QrScan(IntakeLimits limits, Function<QrMessage, QrCompletion> previewer) {
        this.limits = limits;
        this.previewer = previewer;
    }

    /** Offers every code text found in one webcam frame. */
    synchronized void frame(List<String> texts) {
        frames++;
        lastFrameCodes = texts.size();
        emptyFrames = texts.isEmpty() ? emptyFrames + 1 : 0;
        for (String t : texts) {
            offer(t);
        }
    }

    /** Offers each non-blank line of {@code text} (a scanner's keystrokes, a paste) on its own. */
    synchronized void lines(String text) {
        int n = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            n++;
            if (line.length() > limits.maxLineChars()) {
                event("problem", "line " + n + ": " + line.length() + " characters is over the limit of "
                        + limits.maxLineChars() + "; not read");
            } else if (!line.isBlank()) {
                offer(line);
            }
        }
    }

    /** Offers one code text: a Gapdesk part goes to the assembler, anything else is kept as a line. */
    synchronized void offer(String text) {
        QrOffer o = assembler.offer(text);
        switch (o.status()) {
            case NOT_GAPDESK -> keepText(text);
            case COMPLETED -> {
                QrMessage m = o.completed();
                completed.put(m.messageId(), new QrScanView.Completed(m, previewer.apply(m)));
                event("ok", o.message());
            }
            case ADDED -> event("ok", o.message());
            case REJECTED -> event("problem", o.message());
            case DUPLICATE, ALREADY_COMPLETED -> {
                // seen before: a webcam reads each code many times; nothing to say
            }
        }
    }

    /** Notes a problem that is not about one code (a photo that cannot be read, ...). */
    synchronized void problem(String text) {
        event("problem", text);
    }

    /** Notes something the operator should know. */
    synchronized void info(String text) {
        event("info", text);
    }

    private void keepText(String text) {
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty() || lines.contains(line)) {
                continue;
            }
            long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (lines.size() >= limits.maxEntriesPerFile() || lineBytes + bytes > limits.maxFileBytes()
                    || line.length() > limits.maxLineChars()) {
                event("problem", "text line not kept: the scanned text is over the limit of one file ("
                        + limits.maxEntriesPerFile() + " lines, " + Format.bytes(limits.maxFileBytes()) + ")");
                return;
            }
            lines.add(line);
            lineBytes += bytes;
            event("ok", "text read (" + abbreviate(line) + "); " + lines.size() + " text line"
                    + (lines.size() == 1 ? "" : "s") + " kept for the machine named below");
        }
    }

    private void event(String kind, String text) {
        if (!events.isEmpty() && events.peekFirst().text().equals(text)) {
            return;
        }
        events.addFirst(new QrScanView.Event(kind, text));
        while (events.size() > EVENTS) {
            events.removeLast();
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }

    /** What the page shows. */
    synchronized QrScanView view() {
        return new QrScanView(assembler.openMessages(), List.copyOf(completed.values()), lines.size(),
                List.copyOf(events), frames, lastFrameCodes);
    }

    /** Webcam frames in a row, up to the last, in which no code was found. */
    synchronized int emptyFrames() {
        return emptyFrames;
    }

    /**
     * The uploads for the import preview: each completed message ({@link QrMessage#fileName()}), then the
     * text lines as {@code <machine>.txt}.
     *
     * @param machine the machine the text lines belong to (required when there are lines)
     * @throws IllegalArgumentException when there is nothing to import, or lines but no usable machine name
     */
    synchronized List<UploadedFile> uploads(String machine) {
        List<UploadedFile> out = new ArrayList<>();
        for (QrScanView.Completed c : completed.values()) {
            out.add(new UploadedFile(c.message().fileName(), c.message().bytes()));
        }
        if (!lines.isEmpty()) {
            out.add(new UploadedFile(QrMachineName.check(machine) + ".txt",
                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("nothing to import yet: no complete QR message and no scanned text");
        }
        return out;
    }

    /** Forgets everything (after the scan was handed to the import preview, or on "start over"). */
    synchronized void clear() {
        assembler.reset();
        completed.clear();
        lines.clear();
        events.clear();
        lineBytes = 0;
        frames = 0;
        lastFrameCodes = 0;
        emptyFrames = 0;
    }
}
