package org.gapdesk.receipts;

import java.util.List;

/**
 * What importing a set of results files does (before commit) or did (after).
 *
 * @param files one per file, in the order given
 */
public record ReceiptPreview(List<ReceiptFilePreview> files) {
    public ReceiptPreview {
        files = List.copyOf(files);
    }

    /** True when at least one file is rejected. */
    public boolean anyRejected() {
        return files.stream().anyMatch(ReceiptFilePreview::rejected);
    }

    /** Number of entries over all accepted files with this effect. */
    public long count(ReceiptEffect effect) {
        return files.stream().mapToLong(f -> f.count(effect)).sum();
    }
}
