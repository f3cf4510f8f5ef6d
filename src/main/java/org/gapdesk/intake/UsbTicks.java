package org.gapdesk.intake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The files on the USB drives that a page ticks for the operator: the files the lab toolkit wrote for it (the
 * import page: request files, {@link UsbDrives.UsbFile#fromLabToolkit()}; the receipts page: results files)
 * that were not imported before byte for byte. Old files left on a drive are listed as imported before and not
 * ticked.
 *
 * <p>Reads at most {@value #MAX_BYTES_READ} bytes of such files for one listing; a file past that, or one that
 * cannot be read any more, is simply not ticked.
 *
 * @param ticked ids of the files to tick
 * @param importedBefore ids of the lab toolkit's files that an earlier import already read
 */
public record UsbTicks(Set<String> ticked, Set<String> importedBefore) {
    /**
     * Most bytes read from a drive to decide what to tick, so that a drive full of large files cannot slow the
     * Import page (a request file of 10,000 machines is about 4 MB; a lab's usual file a few hundred KB).
     */
    public static final long MAX_BYTES_READ = 8L << 20;

    public UsbTicks {
        ticked = Set.copyOf(ticked);
        importedBefore = Set.copyOf(importedBefore);
    }

    /** The lab toolkit's request files of {@code listing} that intake has not read before. */
    public static UsbTicks requestFiles(UsbDrives.Listing listing, UsbDrives drives, IntakeService intake) {
        return of(listing, drives, UsbDrives.UsbFile::fromLabToolkit, intake::importedBefore);
    }

    /**
     * Decides for the files of {@code listing} that are {@code wanted}, reading them through {@code drives}.
     *
     * @param importedBefore given the files read, by id, answers the ids of those imported before
     */
    public static UsbTicks of(UsbDrives.Listing listing, UsbDrives drives, Predicate<UsbDrives.UsbFile> wanted,
            Function<Map<String, UploadedFile>, Set<String>> importedBefore) {
        Map<String, UploadedFile> read = new LinkedHashMap<>();
        long budget = MAX_BYTES_READ;
        for (UsbDrives.UsbFile f : listing.files()) {
            if (!wanted.test(f) || f.size() > budget) {
                continue;
            }
            try {
                read.put(f.id(), drives.read(f.id()));
                budget -= f.size();
            } catch (IllegalArgumentException changedSinceListed) {
                // gone, grown past the limit or replaced by a link since the listing: left for the operator
            }
        }
        Set<String> before = importedBefore.apply(read);
        Set<String> ticked = new LinkedHashSet<>(read.keySet());
        ticked.removeAll(before);
        return new UsbTicks(ticked, before);
    }
}
