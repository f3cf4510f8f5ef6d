package org.gapdesk.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A bundle as a folder of files: written durably, read within limits. */
public final class BundleFolder {
    private BundleFolder() {
    }

    /**
     * Writes the files into {@code dir} (created when missing; its parent must exist). Each file goes to a
     * temporary name in the folder, is flushed to the device ({@code fsync}), then renamed into place; the
     * folder is flushed at the end. The data files go first, then manifest.sig, manifest.json last, so a
     * folder cut short by a crash has no manifest and is never taken for a bundle.
     *
     * @throws IOException when the folder holds anything but these files (and their temporary names, left by an
     *     interrupted write), or writing fails
     */
    public static void write(Path dir, BundleFiles files) throws IOException {
        if (!Files.isDirectory(dir.getParent())) {
            throw new IOException(dir.getParent() + " is not a folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " exists and is not a folder");
            }
            try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
                for (Path p : in) {
                    String name = p.getFileName().toString();
                    boolean ours = files.has(name) || (name.startsWith(".") && name.endsWith(".tmp")
                            && files.has(name.substring(1, name.length() - 4)));
                    if (!ours || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(dir + " already holds " + name + ", which is not a file of this bundle;"
                                + " choose another folder");
                    }
                }
            }
        } else {
            Files.createDirectory(dir);
        }
        List<String> order = new ArrayList<>(files.names());
        order.remove(BundleFormat.MANIFEST);
        order.remove(BundleFormat.SIGNATURE);
        if (files.has(BundleFormat.SIGNATURE)) {
            order.add(BundleFormat.SIGNATURE);
        }
        if (files.has(BundleFormat.MANIFEST)) {
            order.add(BundleFormat.MANIFEST);
        }
        for (String name : order) {
            writeDurably(dir.resolve(name), files.raw(name));
        }
        syncFolder(dir);
    }

    /** Writes {@code bytes} to a temporary sibling, forces it to the device, and renames it to {@code target}. */
    static void writeDurably(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flushes the folder's entries to the device where the system allows it (POSIX); elsewhere does nothing. */
    static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its file flushes stand alone.
        }
    }

    /**
     * Reads every entry of the folder, refusing before reading when there are too many entries
     * ({@link VerificationReason#TOO_LARGE}), an entry is a sub-folder or a link
     * ({@link VerificationReason#EXTRA_FILE}), or a file is over its size limit ({@link VerificationReason#TOO_LARGE}).
     */
    public static BundleFiles read(Path dir, BundleLimits limits) throws BundleFormatException {
        if (!Files.isDirectory(dir)) {
            throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, dir + " is not a folder");
        }
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
            for (Path p : in) {
                String name = p.getFileName().toString();
                if (files.size() >= limits.maxFiles()) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, dir + " holds more than "
                            + limits.maxFiles() + " entries; a bundle has five files");
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    throw new BundleFormatException(VerificationReason.EXTRA_FILE, name + " is "
                            + (a.isDirectory() ? "a sub-folder" : a.isSymbolicLink() ? "a link" : "not a plain file")
                            + "; a bundle holds only its five files");
                }
                int max = limits.maxBytes(name);
                if (a.size() > max) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, name + " has " + a.size()
                            + " bytes; at most " + max + " are read");
                }
                byte[] bytes;
                try (InputStream s = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    bytes = s.readNBytes(max + 1);
                }
                if (bytes.length > max) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, name + " grew over " + max
                            + " bytes while it was read");
                }
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, dir + " holds more than "
                            + limits.maxTotalBytes() + " bytes");
                }
                files.put(name, bytes);
            }
        } catch (IOException e) {
            throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, "cannot read " + dir + ": " + e);
        }
        return new BundleFiles(files);
    }

    /** Deletes the named files (and their temporary names) from {@code dir}, then the folder if it is empty. */
    static void deleteQuietly(Path dir, Iterable<String> names) {
        for (String name : names) {
            try {
                Files.deleteIfExists(dir.resolve(name));
                Files.deleteIfExists(dir.resolve("." + name + ".tmp"));
            } catch (IOException e) {
                // best effort: the caller reports what it could not undo
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty or not removable: left as it is
        }
    }
}
