package org.gapdesk.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Paths below the site's mount roots, named by untrusted ids of the form {@code <root index>:<relative path>}
 * with {@code /} separators, e.g. {@code 0:STICK/lab-a.json}.
 *
 * <p>{@link #resolve(String, int, boolean)} works from scratch on every call and refuses an id that is malformed,
 * names no configured root, has more parts than allowed, has a part that is not {@linkplain #plainPart plain}
 * (so no {@code ..}, no absolute or backslash path), whose root is not a folder now, that passes a symbolic link
 * anywhere on the way, or whose path leaves the root's real path. It does not look at what the path names.
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message names the id by the caller's noun
 * ({@code USB file '0:a/../b'}), with control characters shown as {@code ?} and at most 200 characters.
 */
public final class MountPaths {
    private final List<Path> roots;
    private final String noun;

    /**
     * @param roots the mount roots; root {@code i} is the one an id starting with {@code i:} names
     * @param noun what an id names, for messages, e.g. {@code USB file}
     */
    public MountPaths(List<Path> roots, String noun) {
        this.roots = List.copyOf(roots);
        this.noun = noun;
    }

    /** Configured root strings as paths, blank and null entries dropped. */
    public static List<Path> configured(List<String> roots) {
        return roots.stream().filter(r -> r != null && !r.isBlank()).map(Path::of).toList();
    }

    /** The roots, as given. */
    public List<Path> roots() {
        return roots;
    }

    /** The real path of root {@code index}, or null when it is not a folder now or cannot be resolved. */
    public Path realRoot(int index) {
        try {
            Path root = roots.get(index);
            return Files.isDirectory(root) ? root.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A name part that is listed and accepted: not empty, not hidden (so never . or ..), no backslash or control. */
    public static boolean plainPart(String part) {
        return !part.isEmpty() && !part.startsWith(".") && part.indexOf('\\') < 0
                && part.chars().noneMatch(Character::isISOControl);
    }

    /**
     * The path {@code id} names below the real path of its root.
     *
     * @param maxDepth most parts after the colon
     * @param rootItself whether {@code i:} (nothing after the colon) names the root itself; otherwise it is refused
     * @throws IllegalArgumentException as described above
     */
    public Path resolve(String id, int maxDepth, boolean rootItself) {
        if (id == null || id.isEmpty() || id.length() > 4096) {
            throw new IllegalArgumentException("no " + noun + " chosen");
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon > 4 || !id.substring(0, colon).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw refused(id, "not a " + noun + " id");
        }
        int index = Integer.parseInt(id.substring(0, colon));
        if (index >= roots.size()) {
            throw refused(id, "no such mount root");
        }
        String rel = id.substring(colon + 1);
        String[] parts = rel.isEmpty() && rootItself ? new String[0] : rel.split("/", -1);
        if (parts.length > maxDepth) {
            throw refused(id, "deeper than " + maxDepth + " levels below the mount root");
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
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
            if (!path.normalize().startsWith(root)) {
                throw refused(id, "outside the mount root");
            }
            if (Files.isSymbolicLink(path)) {
                throw refused(id, "passes a symbolic link");
            }
        }
        return path;
    }

    /** {@code <noun> '<id>' refused: <why>}. */
    public IllegalArgumentException refused(String id, String why) {
        return new IllegalArgumentException(named(id) + " refused: " + why);
    }

    /** The noun and the id as safe, bounded text for a message: {@code USB file '0:a.json'}. */
    public String named(String id) {
        StringBuilder sb = new StringBuilder(noun).append(" '");
        for (int i = 0; i < id.length() && i < 200; i++) {
            char ch = id.charAt(i);
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return sb.append(id.length() > 200 ? "...'" : "'").toString();
    }
}
