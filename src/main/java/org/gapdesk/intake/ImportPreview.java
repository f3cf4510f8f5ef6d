package org.gapdesk.intake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import would do, file by file and entry by entry. Committing re-plans against the record as it is
 * then, in one transaction, so a commit never acts on a stale preview.
 *
 * @param files one preview per file, in the order given
 */
public record ImportPreview(List<FilePreview> files) {
    public ImportPreview {
        files = List.copyOf(files);
    }

    /** Entries of all read files, in order. */
    public List<PlannedEntry> entries() {
        return files.stream().flatMap(f -> f.entries().stream()).toList();
    }

    /** Count of entries with this outcome over all files. */
    public long count(Outcome outcome) {
        return files.stream().mapToLong(f -> f.count(outcome)).sum();
    }

    /** Number of older requests that committing would mark superseded. */
    public long supersededCount() {
        return entries().stream().mapToLong(e -> e.supersedes().size()).sum();
    }

    /** Entries that would be stored. */
    public long storedCount() {
        return entries().stream().filter(e -> e.outcome().stores()).count();
    }

    /** True when any file or entry is rejected. */
    public boolean anyRejected() {
        return files.stream().anyMatch(FilePreview::rejected) || count(Outcome.REJECTED) > 0;
    }

    /** Counts per outcome label, for a one-line summary. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> m = new TreeMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o, count(o));
        }
        return m;
    }

    /** One line: {@code 3 new, 1 supersedes older, ...} with zero counts left out. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            long n = count(o);
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(o.label());
            }
        }
        long files = this.files.stream().filter(FilePreview::rejected).count();
        if (files > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(files).append(files == 1 ? " file" : " files")
                    .append(" rejected");
        }
        return sb.length() == 0 ? "nothing to import" : sb.toString();
    }
}
