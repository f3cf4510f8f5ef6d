package org.gapdesk.cli;

/** Text from files made safe for a terminal: control characters (escape sequences too) become {@code ?}. */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                sb.append('?');
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
