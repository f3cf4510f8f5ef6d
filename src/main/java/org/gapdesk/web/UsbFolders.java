package org.gapdesk.web;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.intake.UsbDrives;

/**
 * Folders on the USB drives that a bundle can be written into: each configured mount root and the folders
 * below it, to depth {@value #MAX_DEPTH} (a stick mounted at {@code /media/user/STICK} is depth 2).
 *
 * <p>Ids follow the {@link UsbDrives} scheme: the index of the root, a colon and the path relative to it
 * ({@code 0:} is the root itself). {@link #resolve(String)} turns an id back into a folder from scratch under
 * the same rules as {@link UsbDrives#read}: no {@code ..}, no hidden, empty or control-character parts, no
 * backslash, no symbolic link anywhere on the way, nothing outside the real root; and it must be a folder
 * now. Symbolic links are never listed or followed.
 */
final class UsbFolders {
    /** Deepest folder offered below a mount root. */
    static final int MAX_DEPTH = 3;
    /** Most folders listed. */
    static final int MAX_FOLDERS = 200;

    private final List<Path> roots;

    UsbFolders(List<String> roots) {
        this.roots = roots.stream().filter(r -> r != null && !r.isBlank()).map(Path::of).toList();
    }

    /** The configured roots, as configured. */
    List<String> roots() {
        return roots.stream().map(Path::toString).toList();
    }

    /** The roots that exist and their folders, breadth first, at most {@value #MAX_FOLDERS}. */
    List<UsbFolder> list() {
        List<UsbFolder> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            Path root = realRoot(i);
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
                if (plainPart(name) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
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
        if (id == null || id.isEmpty() || id.length() > 4096) {
            throw new IllegalArgumentException("no USB folder chosen");
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon > 4 || !id.substring(0, colon).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw refused(id, "not a USB folder id");
        }
        int index = Integer.parseInt(id.substring(0, colon));
        if (index >= roots.size()) {
            throw refused(id, "no such mount root");
        }
        String rel = id.substring(colon + 1);
        String[] parts = rel.isEmpty() ? new String[0] : rel.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            throw refused(id, "deeper than " + MAX_DEPTH + " levels below the mount root");
        }
        for (String part : parts) {
            if (!plainPart(part)) {
                throw refused(id, "not a plain path below the mount root");
            }
        }
        Path root = realRoot(index);
        if (root == null) {
            throw refused(id, "the mount root is not there");
        }
        Path dir = root;
        for (String part : parts) {
            dir = dir.resolve(part);
            if (!dir.normalize().startsWith(root)) {
                throw refused(id, "outside the mount root");
            }
            if (Files.isSymbolicLink(dir)) {
                throw refused(id, "passes a symbolic link");
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(id, "not a folder (is the drive still there?)");
        }
        return dir;
    }

    private Path realRoot(int index) {
        try {
            Path root = roots.get(index);
            return Files.isDirectory(root) ? root.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Not empty, not hidden (so never . or ..), no backslash or control character. */
    private static boolean plainPart(String part) {
        return !part.isEmpty() && !part.startsWith(".") && part.indexOf('\\') < 0
                && part.chars().noneMatch(Character::isISOControl);
    }

    private static IllegalArgumentException refused(String id, String why) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < id.length() && i < 200; i++) {
            char ch = id.charAt(i);
            shown.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return new IllegalArgumentException("USB folder '" + shown + (id.length() > 200 ? "...'" : "'")
                + " refused: " + why);
    }
}
