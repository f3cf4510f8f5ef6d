package org.gapdesk.web;

import java.util.List;
import org.gapdesk.batch.BatchCriteria;
import org.gapdesk.batch.BatchService;
import org.gapdesk.config.Lab;

/**
 * A lab on the batches page: how many of its requests a new batch would take now.
 *
 * @param code lab code
 * @param name lab name, or the code when the site does not list it
 * @param ready received requests not on an open batch (KMS clients excepted)
 */
public record LabReady(String code, String name, int ready) {
    /** Lab {@code code} now, named as {@code siteLabs} name it (else by its code). */
    static LabReady of(String code, List<Lab> siteLabs, BatchService batches) {
        String name = siteLabs.stream().filter(l -> l.code().equals(code)).map(Lab::name).findFirst().orElse(code);
        return new LabReady(code, name, batches.preview(BatchCriteria.received(code)).size());
    }
}
