package org.gapdesk.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's SMTP relay, from {@code HOME/config/mail.json}. Mail is off unless that file exists, says
 * {@code "enabled": true} and is valid; an invalid file leaves mail off with the reason in {@link #problem()}.
 *
 * @param enabled true when mail may be sent
 * @param host relay host name
 * @param port relay port (587 for submission with STARTTLS, 25 for a plain relay)
 * @param starttls true to require STARTTLS before anything else is sent
 * @param username login name, or null for a relay that takes no login
 * @param password password, or null
 * @param from sender address
 * @param recipients where worksheets and reports go
 * @param timeoutSeconds connect, read and write timeout of each SMTP operation
 * @param problem why mail is off, or null when it is on
 */
public record MailSettings(boolean enabled, String host, int port, boolean starttls, String username,
        String password, String from, List<String> recipients, int timeoutSeconds, String problem) {
    /** Name of the settings file in the kiosk's configuration folder. */
    public static final String FILE = "mail.json";
    /** Timeout when the file names none. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    private static final long MAX_FILE_BYTES = 64 * 1024;

    public MailSettings {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Mail off, for {@code reason}. */
    public static MailSettings off(String reason) {
        return new MailSettings(false, null, 0, false, null, null, null, List.of(), DEFAULT_TIMEOUT_SECONDS, reason);
    }

    /** Reads {@code configDir/mail.json}; never throws: a missing or bad file gives settings that are off. */
    public static MailSettings load(Path configDir) {
        Path file = configDir == null ? null : configDir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return off("not configured (no " + FILE + ")");
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return off(FILE + " is larger than 64 KB");
            }
            return parse(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            return off(FILE + " cannot be read: " + e.getMessage());
        }
    }

    /** Validates the JSON of {@code mail.json}. */
    static MailSettings parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            return off(FILE + " must hold a JSON object");
        }
        if (!json.path("enabled").asBoolean(false)) {
            return off("disabled in " + FILE + " (\"enabled\": false)");
        }
        String host = text(json, "host");
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            return off(FILE + ": \"host\" must be the relay's host name or address");
        }
        int port = json.path("port").asInt(json.path("starttls").asBoolean(true) ? 587 : 25);
        if (port < 1 || port > 65535) {
            return off(FILE + ": \"port\" must be between 1 and 65535");
        }
        String from = text(json, "from");
        if (from == null || !valid(from)) {
            return off(FILE + ": \"from\" must be a mail address");
        }
        List<String> recipients = new ArrayList<>();
        for (JsonNode r : json.path("recipients")) {
            String to = r.isTextual() ? r.asText().strip() : "";
            if (!valid(to)) {
                return off(FILE + ": recipient '" + to + "' is not a mail address");
            }
            recipients.add(to);
        }
        if (recipients.isEmpty()) {
            return off(FILE + ": \"recipients\" lists no address");
        }
        int timeout = json.path("timeoutSeconds").asInt(DEFAULT_TIMEOUT_SECONDS);
        if (timeout < 1 || timeout > 60) {
            return off(FILE + ": \"timeoutSeconds\" must be between 1 and 60");
        }
        return new MailSettings(true, host, port, json.path("starttls").asBoolean(true), text(json, "username"),
                text(json, "password"), from, recipients, timeout, null);
    }

    /** One line for the operator: whether mail is on, and where it goes or why it is off. Never the password. */
    public String describe() {
        if (!enabled) {
            return "mail is off: " + problem;
        }
        return "mail via " + host + ":" + port + (starttls ? " with STARTTLS" : " without TLS")
                + (username == null ? "" : " as " + username) + " to " + String.join(", ", recipients);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static boolean valid(String address) {
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
