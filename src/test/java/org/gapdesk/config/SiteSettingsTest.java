package org.gapdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idle timeout in {@code site.json}: read when present, 5 minutes when absent, capped when absurd. */
class SiteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void idleTimeoutIsReadFromSiteJson() throws IOException {
        assertEquals(2, load("{ \"idleTimeoutMinutes\": 2 }").idleTimeoutMinutes());
    }

    @Test
    void idleTimeoutDefaultsToFiveMinutes() throws IOException {
        assertEquals(SiteSettings.DEFAULT_IDLE_TIMEOUT_MINUTES, load("{ \"siteName\": \"X\" }").idleTimeoutMinutes());
        assertEquals(5, load("{ \"idleTimeoutMinutes\": 0 }").idleTimeoutMinutes());
        assertEquals(5, KioskConfig.defaults().site().idleTimeoutMinutes());
        assertEquals(5, new SiteSettings("X", "k", null, 0, null, null, null).idleTimeoutMinutes());
    }

    @Test
    void aVeryLongIdleTimeoutIsCapped() throws IOException {
        assertEquals(SiteSettings.MAX_IDLE_TIMEOUT_MINUTES, load("{ \"idleTimeoutMinutes\": 100000 }")
                .idleTimeoutMinutes());
    }

    private SiteSettings load(String json) throws IOException {
        Files.writeString(dir.resolve("site.json"), json);
        return KioskConfig.load(dir).site();
    }
}
