package org.gapdesk.lab;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a verified bundle's CIDs to the machines of a {@link LabInventory}, as
 * {@code Apply-GapdeskBundle.ps1} does. For each entry addressed to a machine of this run:
 * <ol>
 * <li>find the product by Activation ID (by name when the entry has none): none is {@code failed},
 * {@code product-not-found};</li>
 * <li>compare the machine's current IID with the entry's, digit for digit: a CID is deposited only on an exact
 * match; else {@code failed}, {@code iid-mismatch}, with {@code currentInstallationId};</li>
 * <li>{@code DepositOfflineConfirmationId}: an error is {@code failed}, {@code deposit-failed}, with the
 * HRESULT;</li>
 * <li>{@code RefreshLicenseStatus}, then read {@code LicenseStatus}: 1 is {@code applied}, anything else
 * {@code failed}, {@code not-licensed}.</li>
 * </ol>
 * An entry for a machine the run cannot reach is left out when the toolkit runs on one machine (that machine
 * reports its own entries), and reported {@code skipped}, {@code not-this-machine} when it runs over a list of
 * machines.
 */
public final class LabApplier {
    /** Which machines a run answers for. */
    public enum Scope {
        /** The toolkit runs on the machine itself: other machines' entries are left out of the results. */
        THIS_MACHINE,
        /** The toolkit runs over a machine list (CIM sessions): unreached machines' entries are reported skipped. */
        MACHINE_LIST
    }

    private final LabInventory inventory;
    private final AliasMap aliases;
    private final Clock clock;

    /**
     * @param aliases the lab's alias map for entries whose machine is an alias, or null when there is none
     */
    public LabApplier(LabInventory inventory, AliasMap aliases, Clock clock) {
        this.inventory = inventory;
        this.aliases = aliases;
        this.clock = clock;
    }

    /** Applies {@code bundle} and returns the results file to write. */
    public ResultsFile apply(VerifiedBundle bundle, Scope scope) {
        List<ResultEntry> results = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            Optional<String> host = hostOf(e);
            if (host.isEmpty()) {
                if (scope == Scope.MACHINE_LIST) {
                    results.add(result(e, ResultsFile.SKIPPED, null, null, ResultsFile.NOT_THIS_MACHINE, null));
                }
                continue;
            }
            results.add(applyOne(host.get(), e));
        }
        return new ResultsFile(bundle.lab(), bundle.sequence(), bundle.manifestSha256(), bundle.sequenceOverride(),
                clock.instant().toString(), results);
    }

    /** The machine of this run that the entry is addressed to. */
    private Optional<String> hostOf(BundleEntry e) {
        String name = e.alias() ? (aliases == null ? null : aliases.hostOf(e.machine()).orElse(null)) : e.machine();
        if (name == null) {
            return Optional.empty();
        }
        return inventory.machines().stream().filter(m -> m.equalsIgnoreCase(name)).findFirst();
    }

    private ResultEntry applyOne(String host, BundleEntry e) {
        List<LabProduct> candidates = inventory.products(host).stream().filter(p -> sameProduct(p, e)).toList();
        if (candidates.isEmpty()) {
            return result(e, ResultsFile.FAILED, null, null, ResultsFile.PRODUCT_NOT_FOUND, null);
        }
        LabProduct product = candidates.stream().filter(p -> digits(p.installationId()).equals(e.installationId()))
                .findFirst().orElse(null);
        if (product == null) {
            String current = digits(candidates.get(0).installationId());
            return result(e, ResultsFile.FAILED, null, null, ResultsFile.IID_MISMATCH,
                    current.isEmpty() ? null : current);
        }
        int hr = inventory.deposit(host, product.activationId(), e.installationId(), e.confirmationId());
        if (hr != 0) {
            return result(e, ResultsFile.FAILED, Hresult.format(hr), null, ResultsFile.DEPOSIT_FAILED, null);
        }
        inventory.refreshLicenseStatus(host);
        int status = inventory.products(host).stream()
                .filter(p -> p.activationId().equalsIgnoreCase(product.activationId()))
                .mapToInt(LabProduct::licenseStatus).findFirst().orElse(0);
        return status == 1
                ? result(e, ResultsFile.APPLIED, null, 1, null, null)
                : result(e, ResultsFile.FAILED, null, status, ResultsFile.NOT_LICENSED, null);
    }

    private static boolean sameProduct(LabProduct p, BundleEntry e) {
        return e.activationId() != null ? e.activationId().equalsIgnoreCase(p.activationId())
                : e.product().equalsIgnoreCase(p.name());
    }

    private static ResultEntry result(BundleEntry e, String outcome, String hresult, Integer status, String reason,
            String currentIid) {
        return new ResultEntry(e.requestId(), e.machine(), e.activationId(), e.installationId(), outcome, hresult,
                status, reason, currentIid);
    }

    /** The digits of an IID as CIM shows it (CIM gives digits only; grouping is stripped to be safe). */
    static String digits(String iid) {
        return iid == null ? "" : iid.replaceAll("[^0-9]", "");
    }
}
