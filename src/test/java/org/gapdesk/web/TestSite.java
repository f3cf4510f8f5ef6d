package org.gapdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The site settings most web tests run with: "Test Site", kiosk {@code kiosk-t}, labs LAB-A and LAB-B. */
final class TestSite {
    private TestSite() {
    }

    /** Writes {@code config/site.json} into {@code home}, with no USB mount root. */
    static void write(Path home) {
        write(home, "");
    }

    /** Writes {@code config/site.json} into {@code home}, with {@code usbRoot} as the only USB mount root. */
    static void write(Path home, Path usbRoot) {
        try {
            write(home, ",\n  \"usbRoots\": [ " + WebClient.JSON.writeValueAsString(usbRoot.toString()) + " ]");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path home, String more) {
        try {
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/site.json"), """
                    { "siteName": "Test Site", "kioskId": "kiosk-t", "bindHost": "127.0.0.1",
                      "labs": [ { "code": "LAB-A", "name": "Lab A" }, { "code": "LAB-B", "name": "Lab B" } ]%s }
                    """.formatted(more));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
