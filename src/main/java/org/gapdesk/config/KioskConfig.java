package org.gapdesk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kiosk's configuration. Each file is read from {@code HOME/config/NAME} when present, else from the
 * shipped defaults ({@code kiosk-config/NAME} in the jar).
 *
 * @param site site settings ({@code site.json})
 * @param catalog product catalogue ({@code products.json})
 * @param channels activation channel instructions ({@code channels.json}), as JSON for the worksheet
 */
public record KioskConfig(SiteSettings site, ProductCatalog catalog, JsonNode channels) {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Loads the configuration for a kiosk home folder. */
    public static KioskConfig load(Path configDir) {
        SiteSettings site = read(configDir, "site.json", SiteSettings.class);
        CatalogFile catalog = read(configDir, "products.json", CatalogFile.class);
        JsonNode channels = read(configDir, "channels.json", JsonNode.class);
        return new KioskConfig(site, new ProductCatalog(catalog.products() == null ? List.of() : catalog.products()),
                channels);
    }

    /** The shipped defaults, ignoring any home folder. */
    public static KioskConfig defaults() {
        return load(null);
    }

    /** Shape of {@code products.json}. */
    record CatalogFile(List<CatalogEntry> products) {
    }

    private static <T> T read(Path configDir, String name, Class<T> type) {
        try {
            if (configDir != null && Files.isRegularFile(configDir.resolve(name))) {
                return JSON.readValue(configDir.resolve(name).toFile(), type);
            }
            try (InputStream in = KioskConfig.class.getResourceAsStream("/kiosk-config/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("shipped default kiosk-config/" + name + " is missing from the jar");
                }
                return JSON.readValue(in, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + name + ": " + e.getMessage(), e);
        }
    }
}
