package org.gapdesk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kiosk's home folder: database, keys, configuration overrides and spool folders. Chosen by
 * {@code --home}, else {@code GAPDESK_HOME}, else {@code ~/.gapdesk}; created on first use.
 *
 * @param root the folder
 */
public record KioskHome(Path root) {
    /** Resolves the home folder from an explicit choice, the environment, or the default. */
    public static KioskHome resolve(Path explicit) {
        if (explicit != null) {
            return of(explicit);
        }
        String env = System.getenv("GAPDESK_HOME");
        if (env != null && !env.isBlank()) {
            return of(Path.of(env));
        }
        return of(Path.of(System.getProperty("user.home"), ".gapdesk"));
    }

    /** Uses {@code root}, creating it and its sub-folders. */
    public static KioskHome of(Path root) {
        KioskHome home = new KioskHome(root.toAbsolutePath().normalize());
        try {
            Files.createDirectories(home.data());
            Files.createDirectories(home.config());
            Files.createDirectories(home.keys());
            Files.createDirectories(home.spool());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create kiosk home " + root + ": " + e.getMessage(), e);
        }
        return home;
    }

    /** The database folder. */
    public Path data() {
        return root.resolve("data");
    }

    /** Configuration overrides ({@code site.json}, {@code products.json}, {@code channels.json}). */
    public Path config() {
        return root.resolve("config");
    }

    /** The kiosk signing key. */
    public Path keys() {
        return root.resolve("keys");
    }

    /** Files written for USB (bundles, worksheets) when no drive is chosen. */
    public Path spool() {
        return root.resolve("spool");
    }
}
