package org.gapdesk.web;

/**
 * The machine name an operator gives to scanned text (bare IIDs, {@code slmgr /dti} lines), which carries
 * none: it becomes the upload's file name, {@code <name>.txt}, and intake takes the machine from it.
 */
final class QrMachineName {
    /** Longest name accepted. */
    static final int MAX_CHARS = 64;

    private QrMachineName() {
    }

    /**
     * The name, stripped.
     *
     * @throws IllegalArgumentException when it is blank, too long, or holds a path separator or control character
     */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("enter the machine name for the scanned text (bare Installation IDs"
                    + " and slmgr lines carry none)");
        }
        String s = name.strip();
        if (s.length() > MAX_CHARS) {
            throw new IllegalArgumentException("machine name of " + s.length() + " characters; at most " + MAX_CHARS);
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '/' || ch == '\\' || ch == ':' || Character.isISOControl(ch) || (i == 0 && ch == '.')) {
                throw new IllegalArgumentException("machine name '" + s + "' holds a character a name cannot have"
                        + " (/ \\ : or a control character, or a leading dot)");
            }
        }
        return s;
    }
}
