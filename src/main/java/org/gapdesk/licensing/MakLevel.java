package org.gapdesk.licensing;

/** How a MAK stands against the warning threshold, by the local count. */
public enum MakLevel {
    /** Above the warning threshold. */
    OK("ok"),
    /** At or below the warning threshold, above zero. */
    LOW("low"),
    /** Zero or fewer left by the local count. */
    USED_UP("used up");

    private final String label;

    MakLevel(String label) {
        this.label = label;
    }

    /** The word shown to people. */
    public String label() {
        return label;
    }

    /** True for {@link #LOW} and {@link #USED_UP}: a warning is shown and an alert is due on crossing. */
    public boolean warns() {
        return this != OK;
    }
}
