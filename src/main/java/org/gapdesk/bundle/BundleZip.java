package org.gapdesk.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A bundle as one zip, for download: the same files at the top level of the archive, no folders.
 *
 * <p>Written deterministically: entries stored (not compressed) in the order manifest.json, manifest.sig,
 * then the other files by name; every entry dated 1980-01-01 00:00 (the earliest zip date), no comments, no
 * extra fields. The same files give the same zip bytes on every machine.
 *
 * <p>Read defensively: an entry name with a path ({@code /}, {@code \}, {@code ..}, a drive colon), a control
 * character or a second entry of the same name is refused ({@link VerificationReason#UNSAFE_ARCHIVE}); the
 * number of entries, each entry's inflated size and the inflated total are capped while reading, whatever
 * the archive claims ({@link VerificationReason#TOO_LARGE}).
 */
public final class BundleZip {
    /** The fixed date of every entry. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private BundleZip() {
    }

    /** The zip bytes of these files. */
    public static byte[] write(BundleFiles files) {
        List<String> order = new ArrayList<>();
        for (String first : List.of(BundleFormat.MANIFEST, BundleFormat.SIGNATURE)) {
            if (files.has(first)) {
                order.add(first);
            }
        }
        for (String name : files.names()) {
            if (!order.contains(name)) {
                order.add(name);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (String name : order) {
                byte[] data = files.raw(name);
                ZipEntry e = new ZipEntry(name);
                e.setMethod(ZipEntry.STORED);
                e.setTimeLocal(ENTRY_TIME);
                e.setSize(data.length);
                e.setCompressedSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads the files of a zip held in memory. */
    public static BundleFiles read(byte[] zip, BundleLimits limits) throws BundleFormatException {
        return read(new ByteArrayInputStream(zip), limits);
    }

    /** Reads the files of a zip from {@code in} (not closed). */
    public static BundleFiles read(InputStream in, BundleLimits limits) throws BundleFormatException {
        Map<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                checkName(name);
                if (files.containsKey(name)) {
                    throw new BundleFormatException(VerificationReason.UNSAFE_ARCHIVE, "the zip holds " + name
                            + " twice");
                }
                if (files.size() >= limits.maxFiles()) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, "the zip holds more than "
                            + limits.maxFiles() + " entries; a bundle has five files");
                }
                int max = limits.maxBytes(name);
                byte[] data = zip.readNBytes(max + 1);
                if (data.length > max) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, name + " inflates to more than "
                            + max + " bytes");
                }
                total += data.length;
                if (total > limits.maxTotalBytes()) {
                    throw new BundleFormatException(VerificationReason.TOO_LARGE, "the zip inflates to more than "
                            + limits.maxTotalBytes() + " bytes");
                }
                files.put(name, data);
            }
        } catch (ZipException | IllegalArgumentException ex) {
            throw new BundleFormatException(VerificationReason.UNSAFE_ARCHIVE, "the zip cannot be read safely: "
                    + ex.getMessage());
        } catch (IOException ex) {
            throw new BundleFormatException(VerificationReason.NOT_A_BUNDLE, "cannot read the zip: " + ex);
        }
        return new BundleFiles(files);
    }

    private static void checkName(String name) throws BundleFormatException {
        boolean bad = name.isEmpty() || name.length() > 100 || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0;
        for (int i = 0; !bad && i < name.length(); i++) {
            bad = Character.isISOControl(name.charAt(i));
        }
        if (bad) {
            throw new BundleFormatException(VerificationReason.UNSAFE_ARCHIVE, "the zip has an entry named \""
                    + printable(name) + "\"; bundle entries are plain file names without a path");
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 100); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    /** True when {@code head} starts like a zip (a local file header, or the end record of an empty zip). */
    static boolean looksLikeZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }
}
