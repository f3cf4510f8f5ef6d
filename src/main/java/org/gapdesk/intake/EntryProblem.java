package org.gapdesk.intake;

/**
 * An entry a parser could read as an entry but not use (for example a CSV row without an IID).
 *
 * @param where where in the file it stood
 * @param machineName the machine it names, or empty
 * @param message what is wrong
 */
public record EntryProblem(String where, String machineName, String message) {
}
