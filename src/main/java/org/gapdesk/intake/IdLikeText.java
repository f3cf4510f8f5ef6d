package org.gapdesk.intake;

import org.gapdesk.activation.ConfirmationId;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;

/** Recognises Installation and Confirmation IDs in free text: at least 42 digits, with only spaces and hyphens. */
final class IdLikeText {
    private IdLikeText() {
    }

    /** The IID whose digits {@code text} holds (spaces and hyphens allowed), or null. */
    static InstallationId asInstallationId(String text) {
        if (!digitsAndSeparators(text)) {
            return null;
        }
        return InstallationId.tryParse(text);
    }

    /** True when {@code text} is a valid Confirmation ID (spaces and hyphens allowed). */
    static boolean looksLikeConfirmationId(String text) {
        if (!digitsAndSeparators(text)) {
            return false;
        }
        try {
            ConfirmationId.parse(text);
            return true;
        } catch (IdFormatException e) {
            return false;
        }
    }

    private static boolean digitsAndSeparators(String text) {
        if (text == null || text.length() > 200) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return digits >= 42;
    }
}
