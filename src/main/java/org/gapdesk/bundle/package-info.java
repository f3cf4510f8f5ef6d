/**
 * Signed return bundles: the confirmations of a lab written as data files, listed with their SHA-256 in a
 * manifest that the kiosk key signs; the exporter that numbers and records them, and the verifier.
 */
package org.gapdesk.bundle;
