package org.gapdesk.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Importable files on the USB drives mounted under the site's mount roots.
 *
 * <p>{@link #list()} walks each root to depth {@value #MAX_DEPTH} without following symbolic links and lists
 * regular files ending in {@code .json .csv .txt .cil .cilx .log} (hidden names are skipped), at most
 * {@value #MAX_FILES} in all, looking at no more than {@value #MAX_VISITED} entries. A file over
 * {@link IntakeLimits#maxFileBytes()} is listed as too large.
 *
 * <p>Each listed file has an opaque {@linkplain UsbFile#id() id}: the index of its root and its path
 * relative to that root. {@link #read(String)} resolves an id again from scratch ({@link MountPaths}) and refuses
 * anything that is not such a file inside its root: {@code ..}, absolute paths, symbolic links anywhere on the
 * way, other extensions, deeper paths, files over the limit.
 *
 * <p>A request file the lab toolkit named ({@code gapdesk-request-….json}, see
 * {@link UsbFile#fromLabToolkit()}) is the usual reason a drive is at the kiosk: the import page ticks those
 * for the operator.
 */
public final class UsbDrives {
    /** Deepest level searched below a mount root ({@code root/a/b/c/file} is depth 4). */
    public static final int MAX_DEPTH = 4;
    /** Most files listed. */
    public static final int MAX_FILES = 500;
    /** Most folder entries looked at in one listing, so a drive full of other files cannot stall the page. */
    public static final int MAX_VISITED = 50_000;
    /** Extensions listed, lower case, without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("json", "csv", "txt", "cil", "cilx", "log");
    /** How the lab toolkit's collector begins the names of the request files it writes. */
    public static final String TOOLKIT_PREFIX = "gapdesk-request-";

    /**
     * A file on a drive.
     *
     * @param id opaque id to send back to {@link #read(String)}
     * @param root the mount root it lies under, as configured
     * @param path its path relative to the root, with {@code /} separators
     * @param size byte count
     * @param modified last modification time
     * @param tooLarge true when it is over the import limit and cannot be chosen
     */
    public record UsbFile(String id, String root, String path, long size, Instant modified, boolean tooLarge) {
        /**
         * True when the file has the name the lab toolkit's collector gives its request files,
         * {@code gapdesk-request-*.json} in any case, and is within the import limit. Only the name is looked at.
         */
        public boolean fromLabToolkit() {
            return jsonNamed(TOOLKIT_PREFIX);
        }

        /**
         * True when the file's name is {@code prefix}, something more, and {@code .json}, in any case, and the file
         * is within the import limit. Only the name is looked at.
         */
        public boolean jsonNamed(String prefix) {
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            String start = prefix.toLowerCase(Locale.ROOT);
            return !tooLarge && name.startsWith(start) && name.endsWith(".json")
                    && name.length() > start.length() + ".json".length();
        }
    }

    /**
     * What the drives hold.
     *
     * @param files the files found, sorted by root and path
     * @param truncated true when the listing stopped at {@value #MAX_FILES} files or {@value #MAX_VISITED}
     *     entries looked at, so more files may be there
     * @param roots the configured mount roots, as configured
     */
    public record Listing(List<UsbFile> files, boolean truncated, List<String> roots) {
        public Listing {
            files = List.copyOf(files);
            roots = List.copyOf(roots);
        }
    }

    private final MountPaths paths;
    private final IntakeLimits limits;

    /**
     * @param roots mount roots, e.g. {@code /media}; roots that do not exist are skipped
     * @param limits import limits; files over {@link IntakeLimits#maxFileBytes()} are too large
     */
    public UsbDrives(List<Path> roots, IntakeLimits limits) {
        this.paths = new MountPaths(roots, "USB file");
        this.limits = limits;
    }

    /** Mount roots given as configured strings (blank entries ignored). */
    public static UsbDrives of(List<String> roots, IntakeLimits limits) {
        return new UsbDrives(MountPaths.configured(roots), limits);
    }

    /** Walks the roots now. Unreadable folders are skipped silently. */
    public Listing list() {
        List<UsbFile> found = new ArrayList<>();
        boolean truncated = false;
        int[] visited = {0};
        for (int i = 0; i < paths.roots().size() && !truncated; i++) {
            truncated = walk(i, found, visited);
        }
        found.sort(Comparator.comparing(UsbFile::root).thenComparing(UsbFile::path));
        return new Listing(found, truncated, paths.roots().stream().map(Path::toString).toList());
    }

    /** Walks root {@code index}; returns true when the file or visit cap was hit. */
    private boolean walk(int index, List<UsbFile> found, int[] visited) {
        Path root = paths.realRoot(index);
        if (root == null) {
            return false;
        }
        boolean[] truncated = {false};
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (++visited[0] > MAX_VISITED) {
                        truncated[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    return dir.equals(root) || plainName(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++visited[0] > MAX_VISITED) {
                        truncated[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    if (!attrs.isRegularFile() || !plainName(file) || !listedExtension(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (found.size() >= MAX_FILES) {
                        truncated[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    String rel = relative(root, file);
                    found.add(new UsbFile(index + ":" + rel, paths.roots().get(index).toString(), rel, attrs.size(),
                            attrs.lastModifiedTime().toInstant(), attrs.size() > limits.maxFileBytes()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // An unreadable root lists nothing.
        }
        return truncated[0];
    }

    /**
     * Reads the file {@code id} names, after checking again that it is a listed kind of file inside its root.
     *
     * @throws IllegalArgumentException when the id is malformed, leaves its root, passes a symbolic link,
     *     names another kind of file or a file over the limit, or the file is gone or unreadable
     */
    public UploadedFile read(String id) {
        Path file = resolve(id);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IllegalArgumentException(paths.named(id) + " is no longer there");
        }
        if (!attrs.isRegularFile()) {
            throw new IllegalArgumentException(paths.named(id) + " is not a regular file");
        }
        if (attrs.size() > limits.maxFileBytes()) {
            throw tooLarge(id);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException(paths.named(id) + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw tooLarge(id);
        }
        return new UploadedFile(file.getFileName().toString(), bytes);
    }

    /** The size of the file {@code id} names, after the same checks as {@link #read(String)}. */
    public long size(String id) {
        Path file = resolve(id);
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new IllegalArgumentException(paths.named(id) + " is not a regular file");
            }
            return attrs.size();
        } catch (IOException e) {
            throw new IllegalArgumentException(paths.named(id) + " is no longer there");
        }
    }

    /** Turns an id back into a path inside its root, refusing anything {@link #list()} would not list. */
    private Path resolve(String id) {
        Path file = paths.resolve(id, MAX_DEPTH, false);
        if (!listedExtension(file)) {
            throw paths.refused(id, "not an importable file type (" + String.join(", ", EXTENSIONS.stream().sorted()
                    .map(e -> "." + e).toList()) + ")");
        }
        return file;
    }

    private static boolean plainName(Path p) {
        Path name = p.getFileName();
        return name != null && MountPaths.plainPart(name.toString());
    }

    private static boolean listedExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String relative(Path root, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(file)) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.toString();
    }

    private IllegalArgumentException tooLarge(String id) {
        return new IllegalArgumentException(paths.named(id) + " is over the import limit of "
                + limits.maxFileBytes() + " bytes");
    }
}
