package org.gapdesk.qr;

/**
 * Crockford's Base32 for the message id and the part check: digits and upper-case letters without I, L, O
 * and U, so that a person reading a code aloud cannot confuse characters.
 */
final class Crockford32 {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Crockford32() {
    }

    /** The top {@code 5 * chars} bits of {@code bytes}, most significant first, as {@code chars} characters. */
    static String encodeLeadingBits(byte[] bytes, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int c = 0; c < chars; c++) {
            int v = 0;
            for (int k = 0; k < 5; k++) {
                int bit = c * 5 + k;
                v = v << 1 | (bytes[bit >> 3] >> (7 - (bit & 7)) & 1);
            }
            sb.append(ALPHABET.charAt(v));
        }
        return sb.toString();
    }

    /** True when every character of {@code s} is in the alphabet (upper case). */
    static boolean isValid(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
