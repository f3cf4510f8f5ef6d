package org.gapdesk.web;

/**
 * A lab on the batches page: how many of its requests a new batch would take now.
 *
 * @param code lab code
 * @param name lab name, or the code when the site does not list it
 * @param ready received requests not on an open batch (KMS clients excepted)
 */
public record LabReady(String code, String name, int ready) {
}
