package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a bundle's files into a folder; {@link BundleFolder#write} in production, a failing one in tests. */
@FunctionalInterface
interface FolderWriter {
    void write(Path dir, BundleFiles files) throws IOException;
}
