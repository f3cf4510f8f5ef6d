package org.gapdesk.licensing;

import java.util.Locale;

/**
 * A MAK as the kiosk knows it: its last five characters, upper case, {@code A-Z} and {@code 0-9}. That is all a
 * lab machine reports of its key ({@code PartialProductKey}) and all the kiosk ever keeps. A full product key is
 * refused and never repeated in any message.
 *
 * @param last5 the last five characters
 */
public record MakKey(String last5) {
    public MakKey {
        if (last5 == null || !last5.matches("[A-Z0-9]{5}")) {
            throw new LicensingInputException("a MAK is recorded by its last five characters: 5 letters A-Z or"
                    + " digits 0-9");
        }
    }

    /**
     * Reads the last five characters as typed (surrounding space ignored, lower case accepted).
     *
     * @throws LicensingInputException for anything else; for a full or partial product key the message says that
     *     only the last five characters are kept, without repeating what was typed
     */
    public static MakKey parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        String compact = t.replaceAll("[\\s-]", "");
        if (compact.length() >= 25 || t.matches(".*[A-Z0-9]{5}(\\s*-\\s*[A-Z0-9]{5}){2,}.*")) {
            throw new LicensingInputException("that looks like a full product key: Gapdesk never stores a product"
                    + " key; enter only its last five characters (the group after the last hyphen). Nothing was"
                    + " stored.");
        }
        if (compact.length() > 5) {
            throw new LicensingInputException("enter only the last five characters of the MAK (Gapdesk keeps no"
                    + " more of a product key); nothing was stored");
        }
        if (!t.matches("[A-Z0-9]{5}")) {
            throw new LicensingInputException("a MAK is recorded by its last five characters: 5 letters A-Z or"
                    + " digits 0-9");
        }
        return new MakKey(t);
    }

    /** As named in messages: {@code MAK ending 3V66T}. */
    public String label() {
        return "MAK ending " + last5;
    }

    @Override
    public String toString() {
        return last5;
    }
}
