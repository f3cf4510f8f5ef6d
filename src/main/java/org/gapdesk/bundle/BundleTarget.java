package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** Where an export writes a bundle: a folder or a zip. {@link #write} removes what it wrote when it fails. */
interface BundleTarget {
    /**
     * Writes the bundle, reads it back and runs {@code check} on what was read.
     *
     * @throws IOException when writing or reading back fails, or {@code check} finds a problem
     */
    Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException;

    /** Removes what {@link #write} wrote (a bundle that could not be recorded). */
    void undo(Written written);

    /** Where the bundle goes, for messages. */
    String describe();

    /** What a target wrote. */
    record Written(Path path, byte[] zip, String fileName, String destination) {
    }

    /** Checks the files read back; returns the problem, or null when they are right. */
    @FunctionalInterface
    interface ReadBackCheck {
        String problem(BundleFiles back);
    }
}
