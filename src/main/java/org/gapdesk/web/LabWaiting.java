package org.gapdesk.web;

/**
 * A lab on the bundles page.
 *
 * @param code lab code
 * @param name lab name, or the code when the site does not list it
 * @param waiting confirmed requests that the lab's next bundle would hold
 */
public record LabWaiting(String code, String name, long waiting) {
}
