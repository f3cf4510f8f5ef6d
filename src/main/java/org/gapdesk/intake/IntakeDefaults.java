package org.gapdesk.intake;

/**
 * What the operator chose for entries whose file does not say it.
 *
 * @param lab the lab code for files that carry none (CSV without a lab column, captured slmgr text)
 */
public record IntakeDefaults(String lab) {
    public IntakeDefaults {
        lab = lab == null || lab.isBlank() ? "UNASSIGNED" : lab.strip();
    }
}
