package org.gapdesk.lab;

/**
 * One confirmation of a bundle, as {@code confirmations.json} carries it.
 *
 * @param requestId the kiosk's request id, echoed in the results file
 * @param machine host name, or the lab's alias for it
 * @param alias true when {@code machine} is an alias
 * @param activationId Activation ID (lower-case GUID), or null when only the product name is known
 * @param applicationId Application ID, or null
 * @param product product name
 * @param installationId the IID digits the CID was issued for
 * @param confirmationId the CID digits
 */
public record BundleEntry(long requestId, String machine, boolean alias, String activationId, String applicationId,
        String product, String installationId, String confirmationId) {
}
