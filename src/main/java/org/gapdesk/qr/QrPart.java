package org.gapdesk.qr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a Gapdesk QR message: {@code GD1:<id>:<index>/<count>:<data>:<check>}.
 *
 * @param messageId eight Crockford Base32 characters: the first 40 bits of SHA-256 over the message body and
 *     the part count, so that parts of different messages never share an id
 * @param index 1-based position of this part
 * @param count how many parts the message has
 * @param data this part's slice of the message body
 * @param text the part as read, upper case, without surrounding white space
 */
public record QrPart(String messageId, int index, int count, byte[] data, String text) {
    /** Payload prefix of the current version. */
    public static final String PREFIX = "GD1:";
    /** Characters of the message id. */
    static final int ID_CHARS = 8;
    /** Characters of the part check. */
    static final int CHECK_CHARS = 4;

    private static final Pattern VERSION = Pattern.compile("GD([0-9]{1,4}):.*", Pattern.DOTALL);
    private static final Pattern PART = Pattern.compile("GD1:([^:]*):([0-9]{1,4})/([0-9]{1,4}):(.*):([^:]*)",
            Pattern.DOTALL);

    /** "part 3 of 12 of QR message 7K3M9Q2D", for messages. */
    public String label() {
        return "part " + index + " of " + count + " of QR message " + messageId;
    }

    /** True when {@code text} starts like a Gapdesk QR payload of any version ({@code GD<n>:}), in any case. */
    public static boolean looksLikePart(String text) {
        return text != null && VERSION.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /**
     * Reads one part. Lower case is accepted (a scanner typing with Caps Lock on); white space around the
     * part is ignored.
     *
     * @throws QrFormatException naming what is wrong: not a part, an unsupported version, oversized, a bad
     *     header, a part number outside the count, a failed part check (damaged: scan again) or bad data
     */
    public static QrPart parse(String raw, QrLimits limits) throws QrFormatException {
        if (raw == null || raw.isBlank()) {
            throw new QrFormatException("empty QR payload");
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() > QrLimits.MAX_PART_CHARS) {
            throw new QrFormatException("QR payload of " + s.length() + " characters is oversized; a QR code holds at"
                    + " most " + QrLimits.MAX_PART_CHARS);
        }
        Matcher v = VERSION.matcher(s);
        if (!v.matches()) {
            throw new QrFormatException("not a Gapdesk QR payload: it does not start with " + PREFIX);
        }
        if (!v.group(1).equals("1")) {
            throw new QrFormatException("Gapdesk QR payload version " + v.group(1) + " is not supported; this kiosk"
                    + " reads version 1 (" + PREFIX + "); a newer lab toolkit needs a newer kiosk");
        }
        Matcher m = PART.matcher(s);
        if (!m.matches()) {
            throw new QrFormatException("Gapdesk QR payload is malformed or cut short: expected"
                    + " GD1:<id>:<part>/<count>:<data>:<check>");
        }
        String id = m.group(1);
        if (id.length() != ID_CHARS || !Crockford32.isValid(id)) {
            throw new QrFormatException("Gapdesk QR payload has a malformed message id '" + shorten(id)
                    + "'; expected " + ID_CHARS + " characters of 0-9 and A-Z without I, L, O, U");
        }
        int index = Integer.parseInt(m.group(2));
        int count = Integer.parseInt(m.group(3));
        if (count < 1 || index < 1 || index > count) {
            throw new QrFormatException("QR message " + id + ": part number " + index + " of " + count
                    + " is impossible");
        }
        if (count > limits.maxParts()) {
            throw new QrFormatException("QR message " + id + " has " + count + " parts, more than the limit of "
                    + limits.maxParts());
        }
        String label = "part " + index + " of " + count + " of QR message " + id;
        String expected = check(s.substring(0, m.start(5) - 1));
        if (!m.group(5).equals(expected)) {
            throw new QrFormatException(label + " is damaged (its check does not match): scan it again; if a"
                    + " handheld scanner typed it, check the scanner's keyboard layout");
        }
        byte[] data;
        try {
            data = Base45.decode(m.group(4));
        } catch (IllegalArgumentException e) {
            throw new QrFormatException(label + ": the data is not valid: " + e.getMessage());
        }
        if (data.length == 0) {
            throw new QrFormatException(label + " holds no data");
        }
        return new QrPart(id, index, count, data, s);
    }

    /** The part check of the text before it: the first 20 bits of its SHA-256, in Crockford Base32. */
    static String check(String textBeforeCheck) {
        return Crockford32.encodeLeadingBits(sha256(textBeforeCheck.getBytes(StandardCharsets.US_ASCII)),
                CHECK_CHARS);
    }

    /** The message id: the first 40 bits of SHA-256 over the body followed by the part count (2 bytes, big-endian). */
    static String messageId(byte[] body, int count) {
        MessageDigest md = digest();
        md.update(body);
        md.update(new byte[] {(byte) (count >> 8), (byte) count});
        return Crockford32.encodeLeadingBits(md.digest(), ID_CHARS);
    }

    static byte[] sha256(byte[] b) {
        return digest().digest(b);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        String t = s.length() > 20 ? s.substring(0, 20) + "..." : s;
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrPart p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
