package org.gapdesk.licensing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Licensing desk settings, read from {@code HOME/config/licensing.json} when present, else from the shipped
 * default {@code kiosk-config/licensing.json} in the jar (as {@link org.gapdesk.config.KioskConfig} reads its
 * files).
 *
 * @param warningThreshold a MAK whose remaining count (as counted down locally) is at or below this is low
 * @param alertRecipients where MAK alerts are mailed; empty means the recipients of {@code mail.json}
 */
public record LicensingSettings(int warningThreshold, List<String> alertRecipients) {
    /** Name of the settings file. */
    public static final String FILE = "licensing.json";
    /** Threshold when the file names none. */
    public static final int DEFAULT_THRESHOLD = 10;
    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final int MAX_THRESHOLD = 1_000_000;

    public LicensingSettings {
        if (warningThreshold < 0 || warningThreshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException(FILE + ": \"warningThreshold\" must be between 0 and " + MAX_THRESHOLD);
        }
        alertRecipients = alertRecipients == null ? List.of() : List.copyOf(alertRecipients);
    }

    /** The shipped defaults: threshold 10, alerts to the {@code mail.json} recipients. */
    public static LicensingSettings defaults() {
        return new LicensingSettings(DEFAULT_THRESHOLD, List.of());
    }

    /**
     * Reads the settings for a kiosk configuration folder ({@code null}: the shipped default only).
     *
     * @throws UncheckedIOException when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when a value is out of range or a recipient is not a mail address
     */
    public static LicensingSettings load(Path configDir) {
        try {
            Path file = configDir == null ? null : configDir.resolve(FILE);
            if (file != null && Files.isRegularFile(file)) {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(file + " is larger than 64 KB");
                }
                return parse(new ObjectMapper().readTree(file.toFile()));
            }
            try (InputStream in = LicensingSettings.class.getResourceAsStream("/kiosk-config/" + FILE)) {
                if (in == null) {
                    return defaults();
                }
                return parse(new ObjectMapper().readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** Validates the JSON of {@code licensing.json}; absent fields take their defaults. */
    static LicensingSettings parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(FILE + " must hold a JSON object");
        }
        JsonNode t = json.get("warningThreshold");
        int threshold = DEFAULT_THRESHOLD;
        if (t != null && !t.isNull()) {
            if (!t.canConvertToInt() || !t.isIntegralNumber()) {
                throw new IllegalArgumentException(FILE + ": \"warningThreshold\" must be a whole number");
            }
            threshold = t.intValue();
        }
        List<String> recipients = new ArrayList<>();
        JsonNode list = json.path("alertRecipients");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw new IllegalArgumentException(FILE + ": \"alertRecipients\" must be a list of mail addresses");
        }
        for (JsonNode r : list) {
            String to = r.isTextual() ? r.asText().strip() : "";
            if (!isMailAddress(to)) {
                throw new IllegalArgumentException(FILE + ": alert recipient '" + to + "' is not a mail address");
            }
            recipients.add(to);
        }
        return new LicensingSettings(threshold, recipients);
    }

    private static boolean isMailAddress(String address) {
        if (address.isEmpty() || address.length() > 320) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
