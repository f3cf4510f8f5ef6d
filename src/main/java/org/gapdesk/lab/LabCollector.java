package org.gapdesk.lab;

import java.util.ArrayList;
import java.util.List;
import org.gapdesk.demo.RequestFileBuilder;
import org.gapdesk.demo.RequestFileBuilder.MachineEntry;
import org.gapdesk.demo.RequestFileBuilder.ProductEntry;

/**
 * Builds the Gapdesk request file from what CIM reports, as {@code Collect-Gapdesk.ps1} does: every machine of
 * the inventory with its products that have a key installed (a partial key) and are not licensed yet (unless
 * asked to include them: {@code -IncludeLicensed}). With an alias map every machine
 * is written under its alias with {@code "alias": true}, and a machine without an alias stops the collection:
 * no host name leaves the lab by mistake.
 */
public final class LabCollector {
    /** The {@code collector} field written. */
    public static final String COLLECTOR = "gapdesk-collect 1.0";

    private final LabInventory inventory;

    public LabCollector(LabInventory inventory) {
        this.inventory = inventory;
    }

    /**
     * The request file bytes (UTF-8 JSON).
     *
     * @param lab the lab code
     * @param aliases the alias map, or null to write host names
     * @param collectedAt ISO-8601 time written as {@code collectedAt} (informational), or null
     * @param includeLicensed also write products already licensed ({@code LicenseStatus = 1})
     * @throws IllegalArgumentException when an alias map is given and a machine has no alias in it
     */
    public byte[] collect(String lab, AliasMap aliases, String collectedAt, boolean includeLicensed) {
        RequestFileBuilder file = new RequestFileBuilder(lab).collector(COLLECTOR);
        if (collectedAt != null) {
            file.collectedAt(collectedAt);
        }
        for (String host : inventory.machines()) {
            List<ProductEntry> products = new ArrayList<>();
            for (LabProduct p : inventory.products(host)) {
                if (p.partialKey() == null || p.partialKey().isBlank() || (p.licenseStatus() == 1 && !includeLicensed)) {
                    continue;
                }
                products.add(new ProductEntry(p.activationId(), p.applicationId(), p.name(), p.description(),
                        p.channel(), p.partialKey(), p.licenseStatus(), LabApplier.digits(p.installationId())));
            }
            if (products.isEmpty()) {
                continue;
            }
            String name = host;
            if (aliases != null) {
                name = aliases.aliasOf(host).orElseThrow(() -> new IllegalArgumentException("machine " + host
                        + " has no alias in the alias map; add it, or collect without aliases"));
            }
            file.machine(new MachineEntry(name, aliases != null, products));
        }
        return file.toBytes(true);
    }
}
