package org.gapdesk.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an uploaded text file into text, the way Windows tools write it.
 *
 * <p>Order of decisions: a byte order mark (UTF-8, UTF-16LE, UTF-16BE) decides; else a NUL byte in every
 * second position marks UTF-16LE or UTF-16BE without a mark ({@code cscript ... > file} in PowerShell
 * writes UTF-16LE); else the bytes are read as strict UTF-8; bytes that are not valid UTF-8 are read as
 * windows-1252. Decoded text that still holds a NUL character is not text and is rejected, naming the line.
 */
public final class TextDecoder {
    /** Windows' western code page, the fallback for text that is not valid UTF-8. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SNIFF_BYTES = 4096;

    /**
     * Decoded text and the encoding it was read with.
     *
     * @param text the text, without a byte order mark
     * @param encoding the encoding name, e.g. {@code UTF-16LE}
     * @param bom true when the file started with a byte order mark
     */
    public record Decoded(String text, String encoding, boolean bom) {
        /** True when the bytes were not valid UTF-8 and were read as windows-1252. */
        public boolean fellBack() {
            return encoding.equals(WINDOWS_1252.name());
        }
    }

    private TextDecoder() {
    }

    /**
     * Decodes a line-oriented text file: rejects NUL characters and lines longer than
     * {@link IntakeLimits#maxLineChars()}, naming the line.
     */
    public static Decoded decodeLines(UploadedFile file, IntakeLimits limits) throws FileRejectedException {
        Decoded d = decode(file, limits);
        checkLines(file.name(), d.text(), limits.maxLineChars());
        return d;
    }

    /**
     * Decodes a document whose own parser bounds it (JSON): rejects NUL characters but allows long lines,
     * since such files are often written on one line.
     */
    public static Decoded decodeDocument(UploadedFile file, IntakeLimits limits) throws FileRejectedException {
        Decoded d = decode(file, limits);
        checkLines(file.name(), d.text(), Integer.MAX_VALUE);
        return d;
    }

    /**
     * Decodes at most {@code maxBytes} from the start of {@code bytes}, leniently (bad bytes become U+FFFD),
     * for format detection. Never throws.
     */
    public static String peek(byte[] bytes, int maxBytes) {
        int n = Math.min(bytes.length, Math.max(0, maxBytes));
        Charset cs;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            Charset sniffed = sniffUtf16(bytes);
            cs = sniffed == null ? StandardCharsets.UTF_8 : sniffed;
        }
        if (n <= skip) {
            return "";
        }
        return new String(bytes, skip, n - skip, cs);
    }

    /** The first character of {@code peek(bytes, 4096)} that is not white space, or 0 when there is none. */
    public static char firstNonBlank(byte[] bytes) {
        String s = peek(bytes, SNIFF_BYTES);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }

    private static Decoded decode(UploadedFile file, IntakeLimits limits) throws FileRejectedException {
        byte[] b = file.bytes();
        if (b.length > limits.maxFileBytes()) {
            throw new FileRejectedException(file.name() + ": " + b.length + " bytes is over the limit of "
                    + limits.maxFileBytes() + " bytes");
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(file.name(), b, 3, StandardCharsets.UTF_8), "UTF-8", true);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Decoded(utf16(file.name(), b, 2, StandardCharsets.UTF_16LE), "UTF-16LE", true);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Decoded(utf16(file.name(), b, 2, StandardCharsets.UTF_16BE), "UTF-16BE", true);
        }
        Charset sniffed = sniffUtf16(b);
        if (sniffed != null) {
            return new Decoded(utf16(file.name(), b, 0, sniffed), sniffed.name(), false);
        }
        try {
            return new Decoded(decodeStrict(b, 0, StandardCharsets.UTF_8), "UTF-8", false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(b, WINDOWS_1252), WINDOWS_1252.name(), false);
        }
    }

    private static String utf16(String name, byte[] b, int from, Charset cs) throws FileRejectedException {
        if ((b.length - from) % 2 != 0) {
            throw new FileRejectedException(name + ": looks like " + cs.name() + " text but has an odd number of"
                    + " bytes; the file is cut short or not text");
        }
        return strict(name, b, from, cs);
    }

    private static String strict(String name, byte[] b, int from, Charset cs) throws FileRejectedException {
        try {
            return decodeStrict(b, from, cs);
        } catch (CharacterCodingException e) {
            throw new FileRejectedException(name + ": starts as " + cs.name() + " text but holds bytes that are not "
                    + cs.name() + "; the file is damaged or not text");
        }
    }

    private static String decodeStrict(byte[] b, int from, Charset cs) throws CharacterCodingException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = dec.decode(ByteBuffer.wrap(b, from, b.length - from));
        return out.toString();
    }

    /**
     * UTF-16 without a byte order mark: in the first bytes, most positions of one parity are NUL and almost
     * none of the other. Returns the charset, or null when the pattern is absent.
     */
    private static Charset sniffUtf16(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES) & ~1;
        if (n < 2) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int pairs = n / 2;
        if (oddNul * 10 >= pairs * 4 && evenNul * 50 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul * 10 >= pairs * 4 && oddNul * 50 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Rejects a NUL character anywhere and lines longer than {@code maxLineChars}, naming the line. */
    private static void checkLines(String name, String text, int maxLineChars) throws FileRejectedException {
        int line = 1;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                length = 0;
                continue;
            }
            if (c == 0) {
                throw new FileRejectedException(name + ": line " + line + " holds a NUL character; this is not a text"
                        + " file");
            }
            if (++length > maxLineChars) {
                throw new FileRejectedException(name + ": line " + line + " is longer than " + maxLineChars
                        + " characters");
            }
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
