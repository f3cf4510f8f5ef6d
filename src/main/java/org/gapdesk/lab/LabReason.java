package org.gapdesk.lab;

/**
 * Why the lab refuses a bundle. Each check has its own code; the codes are the words the toolkit prints and
 * the same names the kiosk's own verifier uses where they mean the same.
 */
public enum LabReason {
    /** The folder is missing or has no {@code manifest.json}. */
    MANIFEST_MISSING("manifest-missing"),
    /** There is no {@code manifest.sig}. */
    SIGNATURE_MISSING("signature-missing"),
    /** The signature does not verify with the pinned key, and the manifest names the pinned key. */
    BAD_SIGNATURE("bad-signature"),
    /** The manifest names (or was signed by) a key other than the pinned one. */
    WRONG_KEY("wrong-key"),
    /** The manifest is not JSON or a field is missing, of the wrong type or out of range. */
    MANIFEST_INVALID("manifest-invalid"),
    /** {@code format} is not {@code gapdesk-bundle} or {@code version} is not 1. */
    UNSUPPORTED_FORMAT("unsupported-format"),
    /** The bundle is for another lab. */
    LAB_MISMATCH("lab-mismatch"),
    /** The sequence is not greater than the last one applied for this lab (a replay or a rollback). */
    OLD_SEQUENCE("old-sequence"),
    /** The folder holds a file or folder the manifest does not list. */
    EXTRA_FILE("extra-file"),
    /** A file the manifest lists is not there. */
    MISSING_FILE("missing-file"),
    /** A file's size differs from the manifest (e.g. truncated). */
    SIZE_MISMATCH("size-mismatch"),
    /** A file's SHA-256 differs from the manifest. */
    HASH_MISMATCH("hash-mismatch"),
    /** {@code confirmations.json} is unreadable or disagrees with the manifest. */
    CONFIRMATIONS_INVALID("confirmations-invalid");

    private final String code;

    LabReason(String code) {
        this.code = code;
    }

    /** The code as printed and written, e.g. {@code old-sequence}. */
    public String code() {
        return code;
    }
}
