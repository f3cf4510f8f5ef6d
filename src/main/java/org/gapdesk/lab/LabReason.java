package org.gapdesk.lab;

/**
 * Why the lab refuses a bundle. Each check has its own code; the codes are the words the toolkit prints, and
 * they are the codes of the kiosk's own verifier ({@code org.gapdesk.bundle.VerificationReason}) wherever
 * they mean the same.
 */
public enum LabReason {
    /** The folder is missing or has no {@code manifest.json}. */
    MISSING_MANIFEST("missing-manifest"),
    /** There is no {@code manifest.sig}. */
    MISSING_SIGNATURE("missing-signature"),
    /** {@code manifest.json}, {@code manifest.sig} or {@code confirmations.json} is over its size bound. */
    TOO_LARGE("too-large"),
    /** The signature does not verify with the pinned key: the manifest or the signature was changed. */
    BAD_SIGNATURE("bad-signature"),
    /** The manifest names a key other than the pinned one (and the pinned key does not verify it). */
    SIGNED_BY_OTHER_KEY("signed-by-other-key"),
    /** The manifest is not JSON or a field is missing, of the wrong type or out of range. */
    MALFORMED_MANIFEST("malformed-manifest"),
    /** {@code format} is not {@code gapdesk-bundle} or {@code version} is not 1. */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The bundle is for another lab. */
    LAB_MISMATCH("lab-mismatch"),
    /** The sequence is not greater than the last one applied for this lab (a replay or a rollback). */
    SEQUENCE_NOT_NEWER("sequence-not-newer"),
    /** The folder holds a file or folder the manifest does not list. */
    EXTRA_FILE("extra-file"),
    /** A file the manifest lists is not there. */
    MISSING_FILE("missing-file"),
    /** A file's size differs from the manifest (e.g. truncated). */
    SIZE_MISMATCH("size-mismatch"),
    /** A file's SHA-256 differs from the manifest. */
    HASH_MISMATCH("hash-mismatch"),
    /** {@code confirmations.json} is not the JSON format version 1 describes. */
    MALFORMED_CONFIRMATIONS("malformed-confirmations"),
    /** {@code confirmations.json} disagrees with the manifest on lab, sequence or entry count. */
    ENTRIES_MISMATCH("entries-mismatch"),
    /** An entry's Installation ID or Confirmation ID is not digits of a valid length. */
    INVALID_ID("invalid-id");

    private final String code;

    LabReason(String code) {
        this.code = code;
    }

    /** The code as printed and written, e.g. {@code sequence-not-newer}. */
    public String code() {
        return code;
    }
}
