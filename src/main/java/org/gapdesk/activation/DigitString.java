package org.gapdesk.activation;

/** Normalizes IDs as people write them: spaces and hyphens are separators, anything else is an error. */
final class DigitString {
    private DigitString() {
    }

    /**
     * Strips spaces, tabs, hyphens (ASCII and typographic dashes) and non-breaking spaces.
     *
     * @return the digits, or throws naming the first character that is neither digit nor separator
     */
    static String normalize(String text, String what) {
        if (text == null) {
            throw new IdFormatException(what + " is empty");
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (!isSeparator(c)) {
                throw new IdFormatException(what + " has a character that is not a digit: '"
                        + printable(c) + "' at position " + (i + 1));
            }
        }
        if (sb.length() == 0) {
            throw new IdFormatException(what + " is empty");
        }
        return sb.toString();
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\t' || c == '\u00a0' || c == '\u2010' || c == '\u2011'
                || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '\r' || c == '\n';
    }

    static String printable(char c) {
        return (c < 0x20 || c == 0x7f || Character.isISOControl(c)) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
