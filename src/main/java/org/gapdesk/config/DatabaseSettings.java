package org.gapdesk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A shared PostgreSQL database for the record, read from {@code HOME/config/database.json}. Without that file the
 * kiosk keeps its own H2 file database in {@code HOME/data}.
 *
 * <pre>{"url": "jdbc:postgresql://db.site.local:5432/gapdesk", "user": "gapdesk", "password": "...",
 *  "maxConnections": 10}</pre>
 *
 * The password may instead come from the environment variable {@value #PASSWORD_ENV}, which wins when set, so
 * that it need not be written into the file.
 *
 * @param url a {@code jdbc:postgresql://} URL
 * @param user database user
 * @param password its password (may be empty)
 * @param maxConnections connections this kiosk keeps open at most ({@value #DEFAULT_MAX_CONNECTIONS} when absent)
 */
public record DatabaseSettings(String url, String user, String password, int maxConnections) {
    /** The file name in the configuration folder. */
    public static final String FILE = "database.json";
    /** Environment variable that supplies the password. */
    public static final String PASSWORD_ENV = "GAPDESK_DB_PASSWORD";
    /** Pool size when the file names none. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    private static final int MAX_MAX_CONNECTIONS = 100;

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(FILE + ": \"url\" must be a jdbc:postgresql:// URL, not " + url);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(FILE + ": \"user\" is missing");
        }
        password = password == null ? "" : password;
        if (maxConnections <= 0) {
            maxConnections = DEFAULT_MAX_CONNECTIONS;
        }
        if (maxConnections > MAX_MAX_CONNECTIONS) {
            throw new IllegalArgumentException(FILE + ": \"maxConnections\" is at most " + MAX_MAX_CONNECTIONS);
        }
    }

    /** The settings in {@code configDir/database.json}, or empty when there is no such file. */
    public static Optional<DatabaseSettings> load(Path configDir) {
        return load(configDir, System.getenv());
    }

    static Optional<DatabaseSettings> load(Path configDir, Map<String, String> env) {
        Path file = configDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object");
        }
        String password = env.get(PASSWORD_ENV);
        if (password == null) {
            password = n.path("password").asText("");
        }
        return Optional.of(new DatabaseSettings(n.path("url").asText(null), n.path("user").asText(null), password,
                n.path("maxConnections").asInt(0)));
    }

    /** The URL without credentials or parameters, for messages and logs. */
    public String describe() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user " + user + "]";
    }
}
