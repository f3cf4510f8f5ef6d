package org.gapdesk.qr;

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, one trailing byte two.
 * The alphabet is {@code 0-9 A-Z space $ % * + - . / :} in that order, so the text is pure QR alphanumeric
 * mode (5.5 bits a character; 97% of the density of binary).
 */
final class Base45 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private Base45() {
    }

    /** Characters needed for {@code bytes} bytes. */
    static int encodedLength(int bytes) {
        return bytes / 2 * 3 + (bytes % 2) * 2;
    }

    /** Most bytes that fit in {@code chars} characters. */
    static int maxBytes(int chars) {
        return chars / 3 * 2 + (chars % 3 == 2 ? 1 : 0);
    }

    static String encode(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(encodedLength(to - from));
        int i = from;
        for (; i + 1 < to; i += 2) {
            int n = (b[i] & 0xFF) * 256 + (b[i + 1] & 0xFF);
            sb.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (i < to) {
            int n = b[i] & 0xFF;
            sb.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return sb.toString();
    }

    /**
     * Decodes Base45 text.
     *
     * @throws IllegalArgumentException naming the position of a character outside the alphabet, a length that
     *     leaves one character over, or a group whose value is too large
     */
    static byte[] decode(String s) {
        if (s.length() % 3 == 1) {
            throw new IllegalArgumentException("Base45 text of " + s.length() + " characters is cut short");
        }
        byte[] out = new byte[maxBytes(s.length())];
        int o = 0;
        for (int i = 0; i < s.length(); i += 3) {
            int c = value(s, i);
            int d = value(s, i + 1);
            if (i + 2 < s.length()) {
                int n = c + d * 45 + value(s, i + 2) * 2025;
                if (n > 0xFFFF) {
                    throw new IllegalArgumentException("Base45 group at character " + (i + 1) + " is out of range");
                }
                out[o++] = (byte) (n >> 8);
                out[o++] = (byte) n;
            } else {
                int n = c + d * 45;
                if (n > 0xFF) {
                    throw new IllegalArgumentException("Base45 group at character " + (i + 1) + " is out of range");
                }
                out[o++] = (byte) n;
            }
        }
        return out;
    }

    private static int value(String s, int i) {
        int v = ALPHABET.indexOf(s.charAt(i));
        if (v < 0) {
            throw new IllegalArgumentException("character " + (i + 1) + " ('" + printable(s.charAt(i))
                    + "') is not in the QR alphanumeric set");
        }
        return v;
    }

    static String printable(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) && c != ' '
                ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
