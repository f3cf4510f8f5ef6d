package org.gapdesk.batch;

import java.util.Locale;

/** How the operator obtains the Confirmation IDs of a batch from Microsoft. */
public enum ActivationChannel {
    /** The telephone activation centre (IVR or an agent): the IID is read out group by group. */
    PHONE("phone", "Telephone"),
    /** The web Product Activation Portal on a separate connected device: the worksheet adds a QR per machine. */
    PORTAL("portal", "Portal");

    private final String key;
    private final String label;

    ActivationChannel(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The lower-case name used in commands, URLs and {@code channels.json}: {@code phone} or {@code portal}. */
    public String key() {
        return key;
    }

    /** The word shown to people. */
    public String label() {
        return label;
    }

    /** Parses {@code phone} or {@code portal}, ignoring case and surrounding space. */
    public static ActivationChannel parse(String text) {
        String k = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ActivationChannel c : values()) {
            if (c.key.equals(k) || c.name().toLowerCase(Locale.ROOT).equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + text + "'; one of: phone, portal");
    }
}
