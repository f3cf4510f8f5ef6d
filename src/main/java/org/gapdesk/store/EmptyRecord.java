package org.gapdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The empty H2 record the build makes by running every migration ({@link #main}), shipped in the jar as
 * {@value #RESOURCE}. A new kiosk starts from a copy of it instead of running Flyway's first migration, which is
 * most of a first start; {@link AppliedMigrations} then finds every migration applied. The copy is the same file
 * Flyway would have made, made by the same migrations and the same H2 at build time.
 */
public final class EmptyRecord {
    /** Where the build puts the empty record, inside the jar. */
    static final String RESOURCE = "db/empty/gapdesk.mv.db";
    /** H2's file name for a database named {@code gapdesk}. */
    static final String FILE = "gapdesk.mv.db";

    private EmptyRecord() {
    }

    /**
     * Copies the shipped empty record into {@code dir} when {@code dir} has no record yet and the jar has one;
     * answers whether it did. The copy goes to a temporary name first and is then moved into place, so a kill
     * in the middle leaves no half-copied record.
     */
    static boolean copyInto(Path dir) {
        Path target = dir.resolve(FILE);
        if (Files.exists(target)) {
            return false;
        }
        try (InputStream in = EmptyRecord.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".copying");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the record in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Makes the empty record: {@code args[0]} is the folder to write {@value #FILE} into (the build's classes). */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]).resolve(RESOURCE).getParent();
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Database.openH2(dir, false, false).close();
    }
}
