package org.gapdesk.web;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.intake.MountPaths;
import org.gapdesk.intake.UsbDrives;

/**
 * Folders on the USB drives that a bundle can be written into: each configured mount root and the folders
 * below it, to depth {@value #MAX_DEPTH} (a stick mounted at {@code /media/user/STICK} is depth 2).
 *
 * <p>Ids follow the {@link UsbDrives} scheme: the index of the root, a colon and the path relative to it
 * ({@code 0:} is the root itself). {@link #resolve(String)} turns an id back into a folder from scratch with
 * {@link MountPaths}, as {@link UsbDrives#read} does: no {@code ..}, no hidden, empty or control-character parts,
 * no backslash, no symbolic link anywhere on the way, nothing outside the real root; and it must be a folder
 * now. Symbolic links are never listed or followed.
 */
final class UsbFolders {
    /** Deepest folder offered below a mount root. */
    static final int MAX_DEPTH = 3;
    /** Most folders listed. */
    static final int MAX_FOLDERS = 200;

    private final MountPaths paths;

    UsbFolders(List<String> roots) {
        this.paths = new MountPaths(MountPaths.configured(roots), "USB folder");
    }

    /** The configured roots, as configured. */
    List<String> roots() {
        return paths.roots().stream().map(Path::toString).toList();
    }

    /** The roots that exist and their folders, breadth first, at most {@value #MAX_FOLDERS}. */
    List<UsbFolder> list() {
        List<UsbFolder> out = new ArrayList<>();
        List<Path> roots = paths.roots();
        for (int i = 0; i < roots.size(); i++) {
            Path root = paths.realRoot(i);
            if (root == null) {
                continue;
            }
            List<String> level = new ArrayList<>(List.of(""));
            for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
                List<String> next = new ArrayList<>();
                for (String rel : level) {
                    if (out.size() >= MAX_FOLDERS) {
                        return out;
                    }
                    out.add(new UsbFolder(i + ":" + rel, rel.isEmpty() ? roots.get(i).toString()
                            : roots.get(i).resolve(rel).toString()));
                    if (depth < MAX_DEPTH) {
                        next.addAll(children(root, rel));
                    }
                }
                level = next;
            }
        }
        return out;
    }

    private static List<String> children(Path root, String rel) {
        List<String> out = new ArrayList<>();
        Path dir = rel.isEmpty() ? root : root.resolve(rel);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (MountPaths.plainPart(name) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(rel.isEmpty() ? name : rel + "/" + name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable folder offers no subfolders.
        }
        out.sort(null);
        return out;
    }

    /**
     * The folder {@code id} names, checked again from scratch.
     *
     * @throws IllegalArgumentException when the id is malformed, leaves its root, passes a symbolic link, is
     *     deeper than {@value #MAX_DEPTH} levels, or is not a folder now
     */
    Path resolve(String id) {
        Path dir = paths.resolve(id, MAX_DEPTH, true);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw paths.refused(id, "not a folder (is the drive still there?)");
        }
        return dir;
    }
}
