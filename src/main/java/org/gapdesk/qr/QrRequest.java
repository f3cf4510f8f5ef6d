package org.gapdesk.qr;

import java.util.List;
import java.util.Objects;
import org.gapdesk.activation.Product;

/**
 * What one Gapdesk QR message carries: a lab and, in order, the products of its machines with their
 * Installation IDs. The same content as a Gapdesk request file, minus the informational fields
 * ({@code collectedAt}, {@code collector}, product descriptions).
 *
 * @param lab the lab code
 * @param entries one entry per product with an IID, machines in order; consecutive entries of the same
 *     machine belong together
 */
public record QrRequest(String lab, List<Entry> entries) {
    public QrRequest {
        Objects.requireNonNull(lab, "lab");
        entries = List.copyOf(entries);
    }

    /**
     * One product of one machine.
     *
     * @param machine host name, or the alias the lab chose
     * @param alias true when {@code machine} is an alias
     * @param product the product as the lab machine reported it
     * @param iid the Installation ID, digits only
     */
    public record Entry(String machine, boolean alias, Product product, String iid) {
        public Entry {
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(iid, "iid");
        }
    }
}
