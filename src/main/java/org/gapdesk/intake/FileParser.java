package org.gapdesk.intake;

/** Reads one file format into entries. Implementations never execute, fetch or resolve anything. */
public interface FileParser {
    /** Short name of the format, e.g. {@code csv}. */
    String format();

    /** True when the file looks like this format (by content first, name second). Must not throw. */
    boolean recognizes(UploadedFile file);

    /**
     * Parses the file.
     *
     * @throws FileRejectedException when the file cannot be read as this format; the message names the file
     *     and the line or element
     */
    ParsedFile parse(UploadedFile file, IntakeDefaults defaults, IntakeLimits limits) throws FileRejectedException;
}
