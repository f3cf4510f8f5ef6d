package org.gapdesk.lab;

/**
 * What happened to one bundle entry in the lab: one element of the results file's {@code entries}.
 *
 * @param requestId the kiosk's request id, from the bundle
 * @param machine the machine name (or alias) from the bundle
 * @param activationId the Activation ID from the bundle, or null
 * @param installationId the IID digits from the bundle
 * @param outcome {@code applied}, {@code failed} or {@code skipped} (see {@link ResultsFile})
 * @param hresult the deposit's HRESULT as {@code 0xC004F02C} when it failed, else null
 * @param licenseStatus {@code LicenseStatus} read after the refresh, or null when no deposit succeeded
 * @param reason why it failed or was skipped (see {@link ResultsFile}), else null
 * @param currentInstallationId the IID the machine shows now when it differs from the bundle's, else null
 */
public record ResultEntry(long requestId, String machine, String activationId, String installationId,
        String outcome, String hresult, Integer licenseStatus, String reason, String currentInstallationId) {
}
