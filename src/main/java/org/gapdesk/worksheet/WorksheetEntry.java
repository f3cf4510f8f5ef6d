package org.gapdesk.worksheet;

import org.gapdesk.activation.InstallationId;

/**
 * One IID on a worksheet: one product on one machine.
 *
 * @param position 1-based place on the worksheet, as call mode numbers it
 * @param requestId the activation request
 * @param machineName host name, or the lab's alias for it
 * @param alias true when {@code machineName} is an alias
 * @param productName product name as reported
 * @param activationId Activation ID (SKU GUID), or null when the source did not carry it
 * @param partialKey last five characters of the installed key, or null
 * @param iid the Installation ID
 */
public record WorksheetEntry(int position, long requestId, String machineName, boolean alias, String productName,
        String activationId, String partialKey, InstallationId iid) {
}
