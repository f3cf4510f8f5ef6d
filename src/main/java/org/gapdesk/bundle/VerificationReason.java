package org.gapdesk.bundle;

/**
 * Why a bundle was accepted or refused. Each refusal has its own code, printed by {@code gapdesk verify} and
 * listed in {@code docs/bundle-format.md}.
 */
public enum VerificationReason {
    /** Every check passed. */
    VALID("valid"),
    /** The path is neither a bundle folder nor a zip, or cannot be read. */
    NOT_A_BUNDLE("not-a-bundle"),
    /** The zip has an entry with a path, a duplicate name, or a form that is not read (encrypted, broken). */
    UNSAFE_ARCHIVE("unsafe-archive"),
    /** A file, the number of files, the inflated total or the number of entries is over its limit. */
    TOO_LARGE("too-large"),
    /** There is no {@code manifest.json}. */
    MISSING_MANIFEST("missing-manifest"),
    /** There is no {@code manifest.sig}. */
    MISSING_SIGNATURE("missing-signature"),
    /** The signature does not verify with the trusted key: the manifest or the signature was changed. */
    BAD_SIGNATURE("bad-signature"),
    /** The manifest names another key than the trusted one, and the trusted key does not verify it. */
    SIGNED_BY_OTHER_KEY("signed-by-other-key"),
    /** The manifest is not the JSON that format version 1 describes. */
    MALFORMED_MANIFEST("malformed-manifest"),
    /** The manifest has another format or version than this verifier reads (version 1). */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The bundle is for another lab than the one expected. */
    LAB_MISMATCH("lab-mismatch"),
    /** The sequence is not greater than the last one applied for the lab: a replay or a rollback. */
    SEQUENCE_NOT_NEWER("sequence-not-newer"),
    /** A file the manifest lists is not there. */
    MISSING_FILE("missing-file"),
    /** A file is there that the manifest does not list (manifest.json and manifest.sig aside). */
    EXTRA_FILE("extra-file"),
    /** A file's size differs from the manifest's (e.g. truncated). */
    SIZE_MISMATCH("size-mismatch"),
    /** A file's SHA-256 differs from the manifest's. */
    HASH_MISMATCH("hash-mismatch"),
    /** {@code confirmations.json} is not the JSON that format version 1 describes. */
    MALFORMED_CONFIRMATIONS("malformed-confirmations"),
    /** {@code confirmations.json} disagrees with the manifest on lab, sequence or entry count. */
    ENTRIES_MISMATCH("entries-mismatch"),
    /** {@code confirmations.csv} is not the CSV form of the entries in {@code confirmations.json}. */
    CSV_MISMATCH("csv-mismatch"),
    /** An entry's Installation ID or Confirmation ID is not valid. */
    INVALID_ID("invalid-id");

    private final String code;

    VerificationReason(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code bad-signature}. */
    public String code() {
        return code;
    }
}
