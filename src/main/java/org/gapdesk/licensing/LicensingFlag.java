package org.gapdesk.licensing;

/**
 * A licensing warning on one request or import entry. Flags inform; they never block an import or a call.
 *
 * @param kind what it is (a badge: {@link FlagKind#label()})
 * @param message one sentence: what is wrong and what to do
 */
public record LicensingFlag(FlagKind kind, String message) {
}
