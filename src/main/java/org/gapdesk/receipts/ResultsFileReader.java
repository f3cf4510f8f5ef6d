package org.gapdesk.receipts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gapdesk.activation.IdFormatException;
import org.gapdesk.activation.InstallationId;
import org.gapdesk.lab.ResultEntry;
import org.gapdesk.lab.ResultsFile;

/**
 * Reads a lab results file ({@code gapdesk-results}, version 1) as untrusted input: bounded size, nesting,
 * string and number lengths; every member checked for presence, type and range; members this version does
 * not have are refused; outcome, reason, HRESULT and license status must agree with each other. The first
 * problem rejects the whole file, with a message naming the file and the element, e.g.
 * {@code results.json: entries[3].hresult is not 0x and 8 hex digits}.
 */
public final class ResultsFileReader {
    /** Largest results file read. */
    public static final int MAX_BYTES = 16 << 20;
    /** Most entries one file may carry. */
    public static final int MAX_ENTRIES = 50_000;

    private static final Set<String> ROOT = Set.of("format", "version", "lab", "bundleSequence",
            "bundleManifestSha256", "sequenceOverride", "writtenAt", "entries");
    private static final Set<String> ENTRY = Set.of("requestId", "machine", "activationId", "installationId",
            "outcome", "hresult", "licenseStatus", "reason", "currentInstallationId");
    private static final Pattern LAB = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern HRESULT = Pattern.compile("0x[0-9a-fA-F]{8}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,63}");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(20)
                    .maxStringLength(4096).maxNameLength(100).maxDocumentLength(MAX_BYTES).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String name;

    private ResultsFileReader(String name) {
        this.name = name;
    }

    /**
     * Parses and validates {@code bytes} of the file called {@code name}.
     *
     * @throws ReceiptRejectedException naming the file and the first element that is wrong
     */
    public static ResultsFile read(String name, byte[] bytes) throws ReceiptRejectedException {
        return new ResultsFileReader(name).read(bytes);
    }

    private ResultsFile read(byte[] bytes) throws ReceiptRejectedException {
        if (bytes.length == 0) {
            throw fail("the file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw fail(bytes.length + " bytes is over the limit of " + MAX_BYTES + " bytes");
        }
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes, skip, bytes.length - skip);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            var loc = e.getLocation();
            throw fail("not valid JSON" + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr() : "") + ": " + msg);
        } catch (java.io.IOException e) {
            throw fail("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail("the top level is not a JSON object");
        }
        members(root, ROOT, "the top level");
        if (!ResultsFile.FORMAT.equals(root.path("format").asText(null))) {
            throw fail("\"format\" is not \"" + ResultsFile.FORMAT + "\": not a Gapdesk results file");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asLong() != ResultsFile.VERSION) {
            throw fail("\"version\" is not " + ResultsFile.VERSION + " (the version this kiosk reads)");
        }
        String lab = text(root, "lab", "lab", true, LAB, "a lab code of 1-64 letters, digits, '.', '_' or '-'");
        long sequence = integer(root, "bundleSequence", "bundleSequence", 1, Long.MAX_VALUE);
        String manifest = text(root, "bundleManifestSha256", "bundleManifestSha256", true, HEX64, "64 hex digits")
                .toLowerCase(java.util.Locale.ROOT);
        boolean override = false;
        JsonNode o = root.get("sequenceOverride");
        if (o != null && !o.isNull()) {
            if (!o.isBoolean()) {
                throw fail("sequenceOverride is not true or false");
            }
            override = o.asBoolean();
        }
        String writtenAt = text(root, "writtenAt", "writtenAt", false, Pattern.compile("[0-9A-Za-z:.+-]{1,64}"),
                "an ISO-8601 time");
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            throw fail("entries is missing or not an array");
        }
        if (list.size() > MAX_ENTRIES) {
            throw fail(list.size() + " entries is over the limit of " + MAX_ENTRIES);
        }
        List<ResultEntry> entries = new ArrayList<>(list.size());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ResultEntry e = entry(list.get(i), "entries[" + i + "]");
            if (!seen.add(e.requestId())) {
                throw fail("entries[" + i + "].requestId " + e.requestId() + " appears twice in the file");
            }
            entries.add(e);
        }
        return new ResultsFile(lab, sequence, manifest, override, writtenAt, entries);
    }

    private ResultEntry entry(JsonNode e, String where) throws ReceiptRejectedException {
        if (!e.isObject()) {
            throw fail(where + " is not a JSON object");
        }
        members(e, ENTRY, where);
        long requestId = integer(e, "requestId", where + ".requestId", 1, Long.MAX_VALUE);
        String machine = text(e, "machine", where + ".machine", true, Pattern.compile("[^\\p{Cntrl}]{1,255}"),
                "a machine name of 1-255 characters");
        String activationId = text(e, "activationId", where + ".activationId", false, GUID, "a GUID");
        String iidText = text(e, "installationId", where + ".installationId", true, Pattern.compile("[0-9]{1,63}"),
                "digits");
        try {
            iidText = InstallationId.parse(iidText).digits();
        } catch (IdFormatException x) {
            throw fail(where + ".installationId: " + x.getMessage());
        }
        String outcome = text(e, "outcome", where + ".outcome", true, Pattern.compile("applied|failed|skipped"),
                "applied, failed or skipped");
        String hresult = text(e, "hresult", where + ".hresult", false, HRESULT, "0x and 8 hex digits");
        if (hresult != null) {
            hresult = "0x" + hresult.substring(2).toUpperCase(java.util.Locale.ROOT);
        }
        Integer status = null;
        JsonNode s = e.get("licenseStatus");
        if (s != null && !s.isNull()) {
            status = (int) integer(e, "licenseStatus", where + ".licenseStatus", 0, 6);
        }
        String reason = text(e, "reason", where + ".reason", false,
                Pattern.compile(String.join("|", ResultsFile.REASONS)), "one of " + String.join(", ",
                        new java.util.TreeSet<>(ResultsFile.REASONS)));
        String current = text(e, "currentInstallationId", where + ".currentInstallationId", false, DIGITS,
                "digits");
        consistent(where, outcome, hresult, status, reason);
        return new ResultEntry(requestId, machine, activationId == null ? null
                : activationId.toLowerCase(java.util.Locale.ROOT), iidText, outcome, hresult, status, reason, current);
    }

    /** Outcome, reason, HRESULT and license status must tell one story. */
    private void consistent(String where, String outcome, String hresult, Integer status, String reason)
            throws ReceiptRejectedException {
        switch (outcome) {
            case ResultsFile.APPLIED -> {
                if (reason != null || hresult != null || status == null || status != 1) {
                    throw fail(where + ": an applied entry has licenseStatus 1 and no reason or hresult");
                }
            }
            case ResultsFile.FAILED -> {
                if (reason == null || reason.equals(ResultsFile.NOT_THIS_MACHINE)) {
                    throw fail(where + ".reason: a failed entry needs iid-mismatch, product-not-found,"
                            + " deposit-failed or not-licensed");
                }
                if (reason.equals(ResultsFile.DEPOSIT_FAILED) != (hresult != null)) {
                    throw fail(where + ".hresult: present exactly when the reason is deposit-failed");
                }
                if (reason.equals(ResultsFile.NOT_LICENSED) && (status == null || status == 1)) {
                    throw fail(where + ".licenseStatus: a not-licensed entry has a license status other than 1");
                }
            }
            default -> {
                if (reason == null || hresult != null) {
                    throw fail(where + ": a skipped entry has a reason and no hresult");
                }
            }
        }
    }

    private void members(JsonNode node, Set<String> known, String where) throws ReceiptRejectedException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw fail(where + " has a member this version does not have: \"" + clip(f) + "\"");
            }
        }
    }

    private String text(JsonNode parent, String field, String where, boolean required, Pattern pattern,
            String expected) throws ReceiptRejectedException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw fail(where + " is missing");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw fail(where + " is not a string");
        }
        String v = n.asText();
        if (!pattern.matcher(v).matches()) {
            throw fail(where + " is not " + expected + ": \"" + clip(v) + "\"");
        }
        return v;
    }

    private long integer(JsonNode parent, String field, String where, long min, long max)
            throws ReceiptRejectedException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw fail(where + " is missing");
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw fail(where + " is not a whole number from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
        }
        return n.asLong();
    }

    private ReceiptRejectedException fail(String message) {
        return new ReceiptRejectedException(name + ": " + message);
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }
}
