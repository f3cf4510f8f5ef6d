package org.gapdesk.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gapdesk.export.CsvWriter;

/**
 * The entries of a bundle, written as {@code confirmations.json} (read by the lab toolkit) and
 * {@code confirmations.csv} (the same entries for people).
 *
 * @param lab the lab code
 * @param sequence the bundle's sequence number
 * @param entries the entries, in {@link BundleEntry#ORDER}
 */
public record Confirmations(String lab, long sequence, List<BundleEntry> entries) {
    /** Header row of confirmations.csv. */
    public static final List<String> CSV_HEADER = List.of("machine", "alias", "activation_id", "product",
            "installation_id", "confirmation_id", "request_id");

    private static final Set<String> ENTRY_MEMBERS = Set.of("requestId", "machine", "alias", "activationId",
            "applicationId", "product", "installationId", "confirmationId");

    public Confirmations {
        entries = List.copyOf(entries);
    }

    /** The canonical bytes of confirmations.json. */
    public byte[] jsonBytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", BundleFormat.CONFIRMATIONS_FORMAT);
        m.put("version", BundleFormat.VERSION);
        m.put("lab", lab);
        m.put("sequence", sequence);
        List<Object> list = new ArrayList<>(entries.size());
        for (BundleEntry e : entries) {
            list.add(e.toJson());
        }
        m.put("entries", list);
        return CanonicalJson.bytes(m);
    }

    /**
     * The bytes of confirmations.csv: UTF-8 without a byte order mark, LF line ends, the {@link #CSV_HEADER}
     * row then one row per entry in the same order; cells written by {@link CsvWriter#cell} (quoted when
     * needed, text starting with {@code = + - @} or a tab guarded by a leading apostrophe), {@code alias} as
     * {@code true}/{@code false}, a missing Activation ID as an empty cell.
     */
    public byte[] csvBytes() {
        StringBuilder sb = new StringBuilder(64 + entries.size() * 200);
        row(sb, CSV_HEADER);
        for (BundleEntry e : entries) {
            row(sb, List.of(e.machine(), String.valueOf(e.alias()), e.activationId() == null ? "" : e.activationId(),
                    e.product(), e.installationId(), e.confirmationId(), e.requestId()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(CsvWriter.cell(cells.get(i)));
        }
        sb.append('\n');
    }

    /**
     * Reads confirmations.json strictly ({@link VerificationReason#UNSUPPORTED_VERSION} or
     * {@link VerificationReason#MALFORMED_CONFIRMATIONS}, naming the element). IIDs and CIDs are read as
     * strings here; the verifier checks them.
     */
    public static Confirmations parse(byte[] bytes, BundleLimits limits) throws BundleFormatException {
        StrictJson json = new StrictJson(BundleFormat.CONFIRMATIONS_JSON, VerificationReason.MALFORMED_CONFIRMATIONS);
        JsonNode root = json.parse(bytes);
        json.formatAndVersion(root, BundleFormat.CONFIRMATIONS_FORMAT);
        json.members(root, "confirmations", Set.of("format", "version", "lab", "sequence", "entries"));
        String lab = json.text(root, "lab", "confirmations", 64);
        long sequence = json.integer(root, "sequence", "confirmations", 1, Long.MAX_VALUE);
        JsonNode list = json.array(root, "entries", "confirmations");
        if (list.size() > limits.maxEntries()) {
            throw new BundleFormatException(VerificationReason.TOO_LARGE, BundleFormat.CONFIRMATIONS_JSON + ": "
                    + list.size() + " entries; at most " + limits.maxEntries());
        }
        List<BundleEntry> entries = new ArrayList<>(list.size());
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "entries[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw json.fail(where + " is not an object");
            }
            json.members(e, where, ENTRY_MEMBERS);
            long requestId = json.integer(e, "requestId", where, 1, Long.MAX_VALUE);
            if (!ids.add(requestId)) {
                throw json.fail(where + ".requestId " + requestId + " appears twice");
            }
            entries.add(new BundleEntry(requestId, json.string(e, "machine", where, 255), json.bool(e, "alias", where),
                    json.textOrNull(e, "activationId", where, 64), json.textOrNull(e, "applicationId", where, 64),
                    json.string(e, "product", where, 255), json.text(e, "installationId", where, 100),
                    json.text(e, "confirmationId", where, 100)));
        }
        return new Confirmations(lab, sequence, entries);
    }
}
