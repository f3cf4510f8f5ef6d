package org.gapdesk.intake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The files on the USB drives that the import page ticks for the operator: the lab toolkit's request files
 * ({@link UsbDrives.UsbFile#fromLabToolkit()}) that were not imported before byte for byte. Old request files
 * left on a drive are listed as imported before and not ticked.
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

    /** Decides for the files of {@code listing}, reading them through {@code drives}. */
    public static UsbTicks of(UsbDrives.Listing listing, UsbDrives drives, IntakeService intake) {
        Map<String, UploadedFile> read = new LinkedHashMap<>();
        long budget = MAX_BYTES_READ;
        for (UsbDrives.UsbFile f : listing.files()) {
            if (!f.fromLabToolkit() || f.size() > budget) {
                continue;
            }
            try {
                read.put(f.id(), drives.read(f.id()));
                budget -= f.size();
            } catch (IllegalArgumentException changedSinceListed) {
                // gone, grown past the limit or replaced by a link since the listing: left for the operator
            }
        }
        Set<String> before = intake.importedBefore(read);
        Set<String> ticked = new LinkedHashSet<>(read.keySet());
        ticked.removeAll(before);
        return new UsbTicks(ticked, before);
    }
}
