package org.gapdesk.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The lab results file (format {@code gapdesk-results}, version 1) that the toolkit writes after applying a
 * bundle and the kiosk's receipts import reads:
 * <pre>{@code {"format":"gapdesk-results","version":1,"lab":"LAB-A","bundleSequence":7,
 *  "bundleManifestSha256":"<hex>","sequenceOverride":false,"writtenAt":"2026-11-21T08:00:00Z",
 *  "entries":[{"requestId":12,"machine":"PC-001","activationId":"...","installationId":"<digits>",
 *    "outcome":"applied","hresult":null,"licenseStatus":1,"reason":null,"currentInstallationId":null}]}}</pre>
 * Named {@code gapdesk-results-<LAB>-<SEQ>-<host or run id>.json}.
 *
 * @param lab the lab
 * @param bundleSequence the applied bundle's sequence
 * @param bundleManifestSha256 SHA-256 of the applied bundle's {@code manifest.json}, lower-case hex
 * @param sequenceOverride true when the lab applied it with the older-sequence override
 * @param writtenAt when, ISO-8601 (informational)
 * @param entries one per bundle entry this run handled
 */
public record ResultsFile(String lab, long bundleSequence, String bundleManifestSha256, boolean sequenceOverride,
        String writtenAt, List<ResultEntry> entries) {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "gapdesk-results";
    /** The version written. */
    public static final int VERSION = 1;

    /** The CID was deposited and the product reads {@code LicenseStatus = 1}. */
    public static final String APPLIED = "applied";
    /** The CID was not applied; {@code reason} (and {@code hresult}) say why. */
    public static final String FAILED = "failed";
    /** The entry was not attempted in this run; {@code reason} says why. */
    public static final String SKIPPED = "skipped";
    /** Every outcome. */
    public static final Set<String> OUTCOMES = Set.of(APPLIED, FAILED, SKIPPED);

    /** The machine shows another IID for the product than the CID was issued for. */
    public static final String IID_MISMATCH = "iid-mismatch";
    /** No machine of this run answers to the entry's name (skipped). */
    public static final String NOT_THIS_MACHINE = "not-this-machine";
    /** The machine has no product with the entry's Activation ID (or name). */
    public static final String PRODUCT_NOT_FOUND = "product-not-found";
    /** {@code DepositOfflineConfirmationId} returned an error; {@code hresult} holds it. */
    public static final String DEPOSIT_FAILED = "deposit-failed";
    /** The deposit succeeded but {@code LicenseStatus} is not 1 after the refresh. */
    public static final String NOT_LICENSED = "not-licensed";
    /** Every reason. */
    public static final Set<String> REASONS = Set.of(IID_MISMATCH, NOT_THIS_MACHINE, PRODUCT_NOT_FOUND,
            DEPOSIT_FAILED, NOT_LICENSED);

    public ResultsFile {
        entries = List.copyOf(entries);
    }

    /** How the names of results files begin. */
    public static final String NAME_PREFIX = "gapdesk-results-";

    /** The file name: {@code gapdesk-results-<LAB>-<SEQ>-<runId>.json}, unsafe characters replaced by '_'. */
    public String fileName(String runId) {
        return (NAME_PREFIX + lab + "-" + bundleSequence + "-" + runId).replaceAll("[^A-Za-z0-9._-]", "_")
                + ".json";
    }

    /** The file as UTF-8 JSON (no byte-order mark). */
    public byte[] toJson() {
        ObjectNode root = LabJson.MAPPER.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("lab", lab).put("bundleSequence", bundleSequence)
                .put("bundleManifestSha256", bundleManifestSha256).put("sequenceOverride", sequenceOverride)
                .put("writtenAt", writtenAt);
        ArrayNode list = root.putArray("entries");
        for (ResultEntry e : entries) {
            ObjectNode n = list.addObject();
            n.put("requestId", e.requestId()).put("machine", e.machine()).put("activationId", e.activationId())
                    .put("installationId", e.installationId()).put("outcome", e.outcome())
                    .put("hresult", e.hresult()).put("licenseStatus", e.licenseStatus()).put("reason", e.reason())
                    .put("currentInstallationId", e.currentInstallationId());
        }
        try {
            return LabJson.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
