package org.gapdesk.lab;

/**
 * A product as CIM describes it on a lab machine ({@code SoftwareLicensingProduct} or
 * {@code OfficeSoftwareProtectionProduct}): only products with a key installed are listed.
 *
 * @param activationId {@code ID}, the Activation ID (SKU GUID)
 * @param applicationId {@code ApplicationID}
 * @param name {@code Name}
 * @param description {@code Description}
 * @param channel {@code ProductKeyChannel}, e.g. {@code Volume:MAK}
 * @param partialKey {@code PartialProductKey}
 * @param licenseStatus {@code LicenseStatus}: 0 unlicensed, 1 licensed, 2..6 grace and notification states
 * @param installationId {@code OfflineInstallationId}, the IID the machine shows now
 */
public record LabProduct(String activationId, String applicationId, String name, String description, String channel,
        String partialKey, int licenseStatus, String installationId) {

    /** This product with another license status. */
    public LabProduct withLicenseStatus(int status) {
        return new LabProduct(activationId, applicationId, name, description, channel, partialKey, status,
                installationId);
    }

    /** This product showing another IID (e.g. after a hardware change or a reinstall). */
    public LabProduct withInstallationId(String iid) {
        return new LabProduct(activationId, applicationId, name, description, channel, partialKey, licenseStatus,
                iid);
    }
}
