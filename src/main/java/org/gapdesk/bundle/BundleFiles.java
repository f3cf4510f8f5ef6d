package org.gapdesk.bundle;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gapdesk.signing.Sha256;

/**
 * The files of one bundle by name, as written or as read from a folder or zip. Immutable; the byte arrays
 * are copied in and out.
 */
public final class BundleFiles {
    private final Map<String, byte[]> files;

    /** The files given, by name. */
    public BundleFiles(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        this.files = Collections.unmodifiableMap(copy);
    }

    /** File names, sorted. */
    public Set<String> names() {
        return files.keySet();
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }

    /** A copy of the file's bytes, or null when there is no such file. */
    public byte[] bytes(String name) {
        byte[] b = files.get(name);
        return b == null ? null : b.clone();
    }

    /** The file's size, or -1. */
    public long size(String name) {
        byte[] b = files.get(name);
        return b == null ? -1 : b.length;
    }

    /** SHA-256 hex of the file, or null. */
    public String sha256(String name) {
        byte[] b = files.get(name);
        return b == null ? null : Sha256.hex(b);
    }

    /** The same files with {@code name} set to {@code bytes} (added or replaced). */
    public BundleFiles with(String name, byte[] bytes) {
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(name, bytes);
        return new BundleFiles(copy);
    }

    /** The same files without {@code name}. */
    public BundleFiles without(String name) {
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(name);
        return new BundleFiles(copy);
    }

    /** The same bytes for the same names. */
    public boolean sameAs(BundleFiles other) {
        if (!files.keySet().equals(other.files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), other.files.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Raw access for writers in this package, without copying. */
    byte[] raw(String name) {
        return files.get(name);
    }
}
