package org.gapdesk.licensing;

/** What a licensing flag on a request says. */
public enum FlagKind {
    /** A {@code Volume:GVLK} product: a KMS client, not phone-activated. */
    KMS_CLIENT("KMS client"),
    /** The product's key group (from the product catalogue) has no MAK in the pool. */
    NO_MAK_FOR_KEY_GROUP("no MAK for key group"),
    /** A {@code Volume:MAK} product whose partial key matches no MAK in the pool. */
    UNKNOWN_MAK("MAK not in pool"),
    /** The partial key is a pooled MAK of another key group than the catalogue gives the product. */
    KEY_GROUP_MISMATCH("key group mismatch"),
    /** The partial key is a pooled MAK at or below the warning threshold. */
    MAK_LOW("MAK low"),
    /** The partial key is a pooled MAK with nothing left by the local count. */
    MAK_USED_UP("MAK used up");

    private final String label;

    FlagKind(String label) {
        this.label = label;
    }

    /** A few words for a badge. */
    public String label() {
        return label;
    }
}
