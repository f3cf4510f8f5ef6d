package org.gapdesk.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.regex.Pattern;

/** The JSON reading and writing the lab reference shares: bounded parsing and small typed field readers. */
final class LabJson {
    /** Digits 0-9 only (not Unicode digits). */
    static final Pattern DIGITS = Pattern.compile("[0-9]+");
    static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(30)
                    .maxStringLength(1 << 20).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private LabJson() {
    }

    /** Parses {@code bytes} (UTF-8, a leading byte-order mark allowed) to an object node, or says why not. */
    static JsonNode object(byte[] bytes) throws IOException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes, skip, bytes.length - skip);
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException("the top level is not a JSON object");
        }
        return n;
    }

    /** A required non-empty string field. */
    static String text(JsonNode parent, String field, String where) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IOException(where + field + " is missing or not a non-empty string");
        }
        return n.asText();
    }

    /** An optional string field: null when absent or JSON null. */
    static String optionalText(JsonNode parent, String field, String where) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IOException(where + field + " is not a string");
        }
        return n.asText().isBlank() ? null : n.asText();
    }

    /** A required integer field within {@code [min, max]}. */
    static long integer(JsonNode parent, String field, long min, long max, String where) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new IOException(where + field + " is missing or not an integer from " + min + " to " + max);
        }
        return n.asLong();
    }
}
