package org.gapdesk.config;

/**
 * A lab the kiosk serves.
 *
 * @param code short code used in files and bundles, e.g. {@code LAB-A}
 * @param name name shown to people
 */
public record Lab(String code, String name) {
}
