package org.gapdesk.intake;

import java.util.List;

/**
 * The preview of one file.
 *
 * @param fileName display name
 * @param format format read, or null when rejected before a format was known
 * @param sha256 hex digest of the bytes
 * @param size byte count
 * @param rejection why the whole file is rejected, or null when it was read
 * @param entries planned entries (empty when rejected)
 * @param notes what the parser could not map
 */
public record FilePreview(String fileName, String format, String sha256, long size, String rejection,
        List<PlannedEntry> entries, List<String> notes) {
    public FilePreview {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /** True when the whole file is rejected and nothing of it will be stored. */
    public boolean rejected() {
        return rejection != null;
    }

    /** Count of entries with this outcome. */
    public long count(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).count();
    }
}
