package org.gapdesk.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bundle as a zip, in memory (for a download) or as a file written durably, and reads it back. */
final class ZipTarget implements BundleTarget {
    private final Path file;
    private final BundleLimits limits;
    private final BundleVerifier verifier;
    private boolean existed;

    private ZipTarget(Path file, BundleLimits limits, BundleVerifier verifier) {
        this.file = file;
        this.limits = limits;
        this.verifier = verifier;
    }

    /** A zip kept in memory and returned in {@link Written#zip()}. */
    static ZipTarget inMemory(BundleLimits limits, BundleVerifier verifier) {
        return new ZipTarget(null, limits, verifier);
    }

    /**
     * The zip file {@code zipFile}.
     *
     * @throws BundleException when it is a folder or its folder does not exist
     */
    static ZipTarget file(Path zipFile, BundleLimits limits, BundleVerifier verifier) {
        Path parent = zipFile.toAbsolutePath().getParent();
        if (Files.isDirectory(zipFile) || parent == null || !Files.isDirectory(parent)) {
            throw new BundleException(zipFile + " cannot be written: " + (Files.isDirectory(zipFile)
                    ? "it is a folder" : "its folder does not exist") + "; no bundle number was used");
        }
        return new ZipTarget(zipFile, limits, verifier);
    }

    @Override
    public Written write(BundleBuilder.Built built, ReadBackCheck check) throws IOException {
        Manifest m = built.manifest();
        String name = BundleFormat.zipName(m.lab(), m.sequence());
        byte[] zip = BundleZip.write(built.files());
        if (file == null) {
            try {
                String problem = check.problem(BundleZip.read(zip, limits));
                if (problem != null) {
                    throw new IOException(problem);
                }
            } catch (BundleFormatException e) {
                throw new IOException("the zip does not read back: " + e.getMessage(), e);
            }
            return new Written(null, zip, name, "download");
        }
        existed = Files.exists(file);
        try {
            BundleFolder.writeDurably(file, zip);
            BundleFolder.syncFolder(file.toAbsolutePath().getParent());
            String problem = check.problem(verifier.read(file));
            if (problem != null) {
                throw new IOException(problem);
            }
        } catch (IOException | RuntimeException e) {
            deleteZip();
            throw e;
        } catch (BundleFormatException e) {
            deleteZip();
            throw new IOException("the zip does not read back: " + e.getMessage(), e);
        }
        return new Written(file, null, file.getFileName().toString(), file.toString());
    }

    private void deleteZip() {
        if (!existed) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // reported by the caller's message; nothing more to do
            }
        }
    }

    @Override
    public void undo(Written written) {
        if (file != null) {
            deleteZip();
        }
    }

    @Override
    public String describe() {
        return file == null ? "a download" : file.toString();
    }
}
