package org.gapdesk.licensing;

/**
 * How many machines of a lab have a product of one family on one channel.
 *
 * @param family product family ({@link org.gapdesk.config.ProductCatalog#family})
 * @param channel key channel as reported ({@code Volume:MAK}, {@code Volume:GVLK}, {@code Retail}, ...), or
 *     {@code unknown} when the source did not say
 * @param machines distinct machines
 */
public record MachineCount(String family, String channel, int machines) {
}
