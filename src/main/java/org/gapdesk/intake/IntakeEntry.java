package org.gapdesk.intake;

import org.gapdesk.activation.Machine;
import org.gapdesk.activation.Product;

/**
 * One IID read from a file, before validation.
 *
 * @param where where in the file it stood, e.g. {@code line 4} or {@code machines[2].products[0]}
 * @param machine the machine it belongs to
 * @param product the product it was shown for
 * @param iidText the IID as written
 */
public record IntakeEntry(String where, Machine machine, Product product, String iidText) {
}
