package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bundle as the folder {@code gapdesk-bundle-<LAB>-<SEQ>} inside a parent folder and reads it back. */
final class FolderTarget implements BundleTarget {
    private final Path parent;
    private final FolderWriter folderWriter;
    private final BundleLimits limits;
    private boolean existed;

    private FolderTarget(Path parent, FolderWriter folderWriter, BundleLimits limits) {
        this.parent = parent;
        this.folderWriter = folderWriter;
        this.limits = limits;
    }

    /**
     * A target inside {@code parent}.
     *
     * @throws BundleException when {@code parent} is not a folder
     */
    static FolderTarget into(Path parent, FolderWriter folderWriter, BundleLimits limits) {
        if (!Files.isDirectory(parent)) {
            throw new BundleException(parent + (Files.exists(parent) ? " is not a folder" : " does not exist")
                    + "; choose the folder to write the bundle into; no bundle number was used");
        }
        return new FolderTarget(parent, folderWriter, limits);
    }

    @Override
    public Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException {
        Manifest m = built.manifest();
        String name = BundleFormat.folderName(m.lab(), m.sequence());
        Path dir = parent.resolve(name);
        existed = Files.exists(dir);
        try {
            folderWriter.write(dir, built.files());
            BundleFiles back = BundleFolder.read(dir, limits);
            String problem = check.problem(back);
            if (problem != null) {
                throw new IOException(problem);
            }
        } catch (IOException | RuntimeException e) {
            undo(dir, built.files());
            throw e;
        } catch (BundleFormatException e) {
            undo(dir, built.files());
            throw new IOException("cannot read it back: " + e.getMessage(), e);
        }
        return new Written(dir, null, name, dir.toString());
    }

    private void undo(Path dir, BundleFiles files) {
        if (!existed) {
            BundleFolder.deleteQuietly(dir, files.names());
        }
    }

    @Override
    public void undo(Written written) {
        if (!existed) {
            BundleFolder.deleteQuietly(written.path(), BundleFormat.ALL_FILES);
        }
    }

    @Override
    public String describe() {
        return parent.toString();
    }
}
