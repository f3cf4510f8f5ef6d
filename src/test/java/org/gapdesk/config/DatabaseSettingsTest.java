package org.gapdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheFileTheKioskKeepsItsOwnH2Database() {
        assertTrue(DatabaseSettings.load(dir, Map.of()).isEmpty());
    }

    @Test
    void readsUrlUserPasswordAndPoolSize() throws IOException {
        write("{\"url\": \"jdbc:postgresql://db.site.local:5432/gapdesk?sslmode=require\", \"user\": \"gapdesk\","
                + " \"password\": \"s3cret\", \"maxConnections\": 4}");
        DatabaseSettings s = DatabaseSettings.load(dir, Map.of()).orElseThrow();
        assertEquals("jdbc:postgresql://db.site.local:5432/gapdesk?sslmode=require", s.url());
        assertEquals("gapdesk", s.user());
        assertEquals("s3cret", s.password());
        assertEquals(4, s.maxConnections());
        assertEquals("jdbc:postgresql://db.site.local:5432/gapdesk", s.describe());
        assertFalse(s.toString().contains("s3cret"));
    }

    @Test
    void thePasswordFromTheEnvironmentWinsAndThePoolHasADefaultSize() throws IOException {
        write("{\"url\": \"jdbc:postgresql://db/gapdesk\", \"user\": \"gapdesk\", \"password\": \"in-file\"}");
        DatabaseSettings s = DatabaseSettings.load(dir, Map.of(DatabaseSettings.PASSWORD_ENV, "from-env")).orElseThrow();
        assertEquals("from-env", s.password());
        assertEquals(DatabaseSettings.DEFAULT_MAX_CONNECTIONS, s.maxConnections());
    }

    @Test
    void refusesAnythingButAPostgresqlUrlAndAUser() throws IOException {
        write("{\"url\": \"jdbc:h2:file:/tmp/x\", \"user\": \"gapdesk\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.load(dir, Map.of()));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        write("{\"url\": \"jdbc:postgresql://db/gapdesk\"}");
        e = assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.load(dir, Map.of()));
        assertTrue(e.getMessage().contains("\"user\""), e.getMessage());
        write("{\"url\": \"jdbc:postgresql://db/gapdesk\", \"user\": \"g\", \"maxConnections\": 1000}");
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.load(dir, Map.of()));
        write("[1, 2]");
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.load(dir, Map.of()));
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve(DatabaseSettings.FILE), json);
    }
}
