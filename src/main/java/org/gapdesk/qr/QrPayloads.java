package org.gapdesk.qr;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the Gapdesk QR payload ({@code GD1}); the grammar is in {@code docs/qr-format.md}. A
 * request becomes a binary body, the body is cut into the fewest parts that fit the part size (all parts
 * about the same length), and each part becomes {@code GD1:<id>:<i>/<n>:<Base45 data>:<check>}, which is
 * pure QR alphanumeric text. The lab page ({@code Show-GapdeskQr.html}) writes the same strings.
 */
public final class QrPayloads {
    /**
     * Default longest part, in characters: a part fits a QR code of version 12 (65 x 65 modules) at error
     * correction level M, which a webcam reads off a lab screen from arm's length.
     */
    public static final int DEFAULT_PART_CHARS = 400;
    /** Shortest part size the encoder accepts. */
    public static final int MIN_PART_CHARS = 40;

    private QrPayloads() {
    }

    /** {@link #encode(QrRequest, int)} with {@link #DEFAULT_PART_CHARS}. */
    public static List<String> encode(QrRequest request) {
        return encode(request, DEFAULT_PART_CHARS);
    }

    /**
     * The parts of the message for {@code request}, in order, none longer than {@code maxPartChars}.
     *
     * @throws IllegalArgumentException when the request is over {@link QrLimits#DEFAULT} (too many parts, body
     *     or entries) or a field cannot be encoded (an IID with a character that is not a digit, space or hyphen)
     */
    public static List<String> encode(QrRequest request, int maxPartChars) {
        if (maxPartChars < MIN_PART_CHARS || maxPartChars > QrLimits.MAX_PART_CHARS) {
            throw new IllegalArgumentException("part size must be between " + MIN_PART_CHARS + " and "
                    + QrLimits.MAX_PART_CHARS + " characters");
        }
        QrLimits limits = QrLimits.DEFAULT;
        if (request.entries().size() > limits.maxEntries()) {
            throw new IllegalArgumentException(request.entries().size() + " entries is more than the limit of "
                    + limits.maxEntries());
        }
        byte[] body = QrBody.encode(request);
        if (body.length > limits.maxBodyBytes()) {
            throw new IllegalArgumentException("the message body of " + body.length + " bytes is over the limit of "
                    + limits.maxBodyBytes() + " bytes; split the request");
        }
        int count = partCount(body.length, maxPartChars, limits.maxParts());
        String id = QrPart.messageId(body, count);
        List<String> parts = new ArrayList<>(count);
        int base = body.length / count;
        int extra = body.length % count;
        int from = 0;
        for (int i = 0; i < count; i++) {
            int to = from + base + (i < extra ? 1 : 0);
            String text = QrPart.PREFIX + id + ":" + (i + 1) + "/" + count + ":" + Base45.encode(body, from, to);
            parts.add(text + ":" + QrPart.check(text));
            from = to;
        }
        return parts;
    }

    /**
     * One message per machine (the lab page's "one code per machine"), in machine order: each machine's
     * entries with the request's lab, so the kiosk learns the machine's name from any one of its codes.
     *
     * @throws IllegalArgumentException as {@link #encode(QrRequest, int)}
     */
    public static List<List<String>> encodePerMachine(QrRequest request, int maxPartChars) {
        List<List<String>> out = new ArrayList<>();
        for (List<QrRequest.Entry> machine : QrBody.groupByMachine(request.entries())) {
            out.add(encode(new QrRequest(request.lab(), machine), maxPartChars));
        }
        return out;
    }

    /** The fewest parts of at most {@code maxPartChars} that hold {@code bodyBytes}. */
    static int partCount(int bodyBytes, int maxPartChars, int maxParts) {
        for (int n = 1; n <= maxParts; n++) {
            int digits = Integer.toString(n).length();
            int overhead = QrPart.PREFIX.length() + QrPart.ID_CHARS + 1 + 2 * digits + 1 + 1 + 1
                    + QrPart.CHECK_CHARS;
            long perPart = Base45.maxBytes(maxPartChars - overhead);
            if (perPart * n >= bodyBytes) {
                return n;
            }
        }
        throw new IllegalArgumentException("the request needs more than " + maxParts + " QR codes of "
                + maxPartChars + " characters; use larger codes or split the request");
    }

    /**
     * The request in a complete set of parts.
     *
     * @param parts every part of one message, each once, in any order
     * @throws QrFormatException when parts are missing or repeated, come from different messages, the
     *     reassembled body does not match the message id (the checksum over the whole message), or the body
     *     cannot be read
     */
    public static QrRequest decode(List<QrPart> parts, QrLimits limits) throws QrFormatException {
        if (parts.isEmpty()) {
            throw new QrFormatException("no QR parts");
        }
        QrPart first = parts.get(0);
        QrPart[] ordered = new QrPart[first.count()];
        long size = 0;
        for (QrPart p : parts) {
            if (!p.messageId().equals(first.messageId()) || p.count() != first.count()) {
                throw new QrFormatException(p.label() + " does not belong with " + first.label()
                        + "; parts of different messages are never combined");
            }
            if (ordered[p.index() - 1] != null) {
                throw new QrFormatException(p.label() + " is there twice");
            }
            ordered[p.index() - 1] = p;
            size += p.data().length;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            if (ordered[i] == null) {
                missing.add(i + 1);
            }
        }
        String what = "QR message " + first.messageId();
        if (!missing.isEmpty()) {
            throw new QrFormatException(what + " is incomplete: " + (ordered.length - missing.size()) + " of "
                    + ordered.length + " parts; missing " + QrProgress.ranges(missing));
        }
        if (size > limits.maxBodyBytes()) {
            throw new QrFormatException(what + " is " + size + " bytes, over the limit of " + limits.maxBodyBytes());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) size);
        for (QrPart p : ordered) {
            body.writeBytes(p.data());
        }
        byte[] bytes = body.toByteArray();
        if (!QrPart.messageId(bytes, ordered.length).equals(first.messageId())) {
            throw new QrFormatException(what + ": the reassembled message does not match its checksum; the parts"
                    + " do not belong together; show the lab's QR codes again and scan them all");
        }
        return QrBody.decode(bytes, what, limits.maxEntries());
    }
}
