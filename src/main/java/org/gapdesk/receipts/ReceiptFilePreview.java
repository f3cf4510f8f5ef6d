package org.gapdesk.receipts;

import java.util.List;

/**
 * One results file of an import: rejected whole (with the reason), or its entries and their effects.
 *
 * @param fileName the file's name
 * @param sha256 SHA-256 of its bytes
 * @param rejection why the file is rejected, or null when it is accepted
 * @param lab the lab it reports for (null when rejected before it was read)
 * @param bundleSequence the bundle it reports on (0 when rejected before it was read)
 * @param sequenceOverride the lab applied that bundle with the older-sequence override
 * @param alreadyImported the same bytes were imported before: nothing is stored again
 * @param entries the entries, in file order
 */
public record ReceiptFilePreview(String fileName, String sha256, String rejection, String lab, long bundleSequence,
        boolean sequenceOverride, boolean alreadyImported, List<PlannedReceipt> entries) {
    public ReceiptFilePreview {
        entries = List.copyOf(entries);
    }

    static ReceiptFilePreview rejected(String fileName, String sha256, String why) {
        return new ReceiptFilePreview(fileName, sha256, why, null, 0, false, false, List.of());
    }

    /** True when the file is rejected whole. */
    public boolean rejected() {
        return rejection != null;
    }

    /** Number of entries with this effect. */
    public long count(ReceiptEffect effect) {
        return entries.stream().filter(e -> e.effect() == effect).count();
    }

    /** E.g. {@code 3 applied, 1 failed, 0 skip noted, 2 unchanged}, or the rejection. */
    public String summary() {
        if (rejected()) {
            return "rejected: " + rejection;
        }
        StringBuilder sb = new StringBuilder();
        for (ReceiptEffect e : ReceiptEffect.values()) {
            long n = count(e);
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(e.label());
            }
        }
        String counts = sb.length() == 0 ? "no entries" : sb.toString();
        return alreadyImported ? "already imported; " + counts : counts;
    }
}
