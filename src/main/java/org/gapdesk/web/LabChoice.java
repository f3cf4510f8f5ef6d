package org.gapdesk.web;

import java.util.stream.Collectors;
import org.gapdesk.config.Lab;
import org.gapdesk.config.SiteSettings;
import org.gapdesk.intake.IntakeDefaults;

/** The lab an operator chose for files that carry none, checked against the site's labs. */
final class LabChoice {
    private LabChoice() {
    }

    /**
     * The defaults for {@code lab}: blank means unassigned; otherwise it must be one of the site's labs (any
     * case) when the site lists labs.
     *
     * @throws IllegalArgumentException for a lab the site does not list
     */
    static IntakeDefaults defaults(SiteSettings site, String lab) {
        if (lab == null || lab.isBlank()) {
            return new IntakeDefaults(null);
        }
        if (site.labs().isEmpty()) {
            return new IntakeDefaults(lab);
        }
        Lab known = site.lab(lab.strip());
        if (known == null) {
            throw new IllegalArgumentException("unknown lab '" + lab.strip() + "'; one of: "
                    + site.labs().stream().map(Lab::code).collect(Collectors.joining(", ")));
        }
        return new IntakeDefaults(known.code());
    }
}
