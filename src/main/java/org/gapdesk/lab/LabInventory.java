package org.gapdesk.lab;

import java.util.List;

/**
 * What CIM answers about the lab machines a toolkit run works on: one machine when the toolkit runs on it,
 * or several reached through CIM sessions. Machine names are compared ignoring case, as Windows does.
 */
public interface LabInventory {
    /** The names of the machines this run can reach. */
    List<String> machines();

    /**
     * The products with a key installed on {@code machine}, as they are now
     * ({@code SoftwareLicensingProduct where PartialProductKey <> null}).
     */
    List<LabProduct> products(String machine);

    /**
     * {@code DepositOfflineConfirmationId(InstallationId, ConfirmationId)} on the product with
     * {@code activationId}.
     *
     * @return the HRESULT: 0 when the CID was accepted, else e.g. {@link Hresult#CID_INVALID}
     */
    int deposit(String machine, String activationId, String installationId, String confirmationId);

    /** {@code SoftwareLicensingService.RefreshLicenseStatus()} on {@code machine}. */
    void refreshLicenseStatus(String machine);
}
