package org.gapdesk.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the JSON files of a bundle strictly: duplicate member names, trailing content, deep nesting and
 * over-long values are refused; members are checked for presence, type and unknown names.
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(1 << 20)
                    .maxNameLength(100).maxNumberLength(20).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String file;
    private final VerificationReason reason;

    StrictJson(String file, VerificationReason reason) {
        this.file = file;
        this.reason = reason;
    }

    JsonNode parse(byte[] bytes) throws BundleFormatException {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw fail("the top level is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            var loc = e.getLocation();
            throw fail("not valid JSON" + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr() : "") + ": " + m);
        } catch (IOException e) {
            throw fail("cannot be read: " + e.getMessage());
        }
    }

    BundleFormatException fail(String message) {
        return new BundleFormatException(reason, file + ": " + message);
    }

    /** Refuses members of {@code node} other than {@code allowed} and reports the first missing one. */
    void members(JsonNode node, String where, Set<String> allowed) throws BundleFormatException {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw fail(where + " has members this version does not have: " + String.join(", ", unknown));
        }
        for (String name : allowed) {
            if (!node.has(name)) {
                throw fail(where + "." + name + " is missing");
            }
        }
    }

    String text(JsonNode node, String name, String where, int maxLength) throws BundleFormatException {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw fail(where + "." + name + " is not a string");
        }
        String s = v.textValue();
        if (s.isEmpty() || s.length() > maxLength) {
            throw fail(where + "." + name + " is empty or longer than " + maxLength + " characters");
        }
        return s;
    }

    /** A string member that may be empty. */
    String string(JsonNode node, String name, String where, int maxLength) throws BundleFormatException {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.textValue().length() > maxLength) {
            throw fail(where + "." + name + " is not a string of at most " + maxLength + " characters");
        }
        return v.textValue();
    }

    String textOrNull(JsonNode node, String name, String where, int maxLength) throws BundleFormatException {
        JsonNode v = node.get(name);
        return v != null && v.isNull() ? null : text(node, name, where, maxLength);
    }

    long integer(JsonNode node, String name, String where, long min, long max) throws BundleFormatException {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(where + "." + name + " is not an integer");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw fail(where + "." + name + " is " + n + "; expected " + min + " to " + max);
        }
        return n;
    }

    boolean bool(JsonNode node, String name, String where) throws BundleFormatException {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) {
            throw fail(where + "." + name + " is not true or false");
        }
        return v.booleanValue();
    }

    JsonNode array(JsonNode node, String name, String where) throws BundleFormatException {
        JsonNode v = node.get(name);
        if (v == null || !v.isArray()) {
            throw fail(where + "." + name + " is not an array");
        }
        return v;
    }

    /**
     * Checks {@code format} and {@code version} first, so a file of another version is reported as such
     * rather than as malformed.
     */
    void formatAndVersion(JsonNode root, String format) throws BundleFormatException {
        JsonNode f = root.get("format");
        JsonNode v = root.get("version");
        if (f == null || !f.isTextual() || !f.textValue().equals(format)) {
            throw new BundleFormatException(VerificationReason.UNSUPPORTED_VERSION, file + ": format is "
                    + (f == null ? "missing" : f.toString()) + ", expected \"" + format + "\"");
        }
        if (v == null || !v.isIntegralNumber() || v.asLong() != BundleFormat.VERSION) {
            throw new BundleFormatException(VerificationReason.UNSUPPORTED_VERSION, file + ": version is "
                    + (v == null ? "missing" : v.toString()) + "; this kiosk reads version " + BundleFormat.VERSION);
        }
    }
}
