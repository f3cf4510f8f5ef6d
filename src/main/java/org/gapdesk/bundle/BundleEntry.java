package org.gapdesk.bundle;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One confirmation in a bundle: which request, which machine and product, and the IID and CID that belong
 * together. The lab applies the CID only where the machine's current IID for the Activation ID is this IID.
 *
 * @param requestId the kiosk's request id (the lab's results file names it)
 * @param machine host name, or the lab's alias for it
 * @param alias true when {@code machine} is an alias
 * @param activationId the product's Activation ID (lower-case GUID), or null when the source had none
 * @param applicationId the product's Application ID, or null
 * @param product the product name as the machine reported it
 * @param installationId the IID, digits only
 * @param confirmationId the CID, digits only (48, or 42 for XP)
 */
public record BundleEntry(long requestId, String machine, boolean alias, String activationId, String applicationId,
        String product, String installationId, String confirmationId) {

    /**
     * The order of entries in a bundle: machine, then Activation ID (none first), then product name, then
     * IID, then request id; strings compared by {@link String#compareTo} (UTF-16 code units).
     */
    public static final Comparator<BundleEntry> ORDER = Comparator.comparing(BundleEntry::machine)
            .thenComparing(e -> e.activationId() == null ? "" : e.activationId())
            .thenComparing(BundleEntry::product)
            .thenComparing(BundleEntry::installationId)
            .thenComparingLong(BundleEntry::requestId);

    /** The entry's members in the format's order, for {@link CanonicalJson}. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", requestId);
        m.put("machine", machine);
        m.put("alias", alias);
        m.put("activationId", activationId);
        m.put("applicationId", applicationId);
        m.put("product", product);
        m.put("installationId", installationId);
        m.put("confirmationId", confirmationId);
        return m;
    }
}
