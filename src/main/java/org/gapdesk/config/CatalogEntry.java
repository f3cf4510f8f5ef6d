package org.gapdesk.config;

/**
 * A product the site knows by its Activation ID.
 *
 * @param activationId SKU GUID, lower case
 * @param name product name
 * @param family product family, e.g. {@code Windows Server}
 * @param keyGroup MAK product key group, or null
 */
public record CatalogEntry(String activationId, String name, String family, String keyGroup) {
}
